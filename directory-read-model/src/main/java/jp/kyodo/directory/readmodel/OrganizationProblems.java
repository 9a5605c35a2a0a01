package jp.kyodo.directory.readmodel;

import jp.kyodo.platform.problem.ProblemType;

/**
 * The problems every service answers about organisations and their members, one type per meaning wherever the rule
 * is checked: an organisation the directory does not (yet) let act, and a person judging the work of an organisation
 * they belong to.
 */
public final class OrganizationProblems {

    /** Not in the directory, or not VERIFIED (or suspended since): it neither proposes nor signs. */
    public static final ProblemType NOT_ELIGIBLE = ProblemType.of("organization-not-eligible", 403,
            "The organisation is not eligible for this", "この団体は現在この操作の要件を満たしていません");

    /** 利害関係: a reviewer or committee member who belongs to an organisation whose work they would judge. */
    public static final ProblemType CONFLICT_OF_INTEREST = ProblemType.of("conflict-of-interest", 403,
            "Conflict of interest", "利害関係があるため審査できません");

    private OrganizationProblems() {
    }
}
