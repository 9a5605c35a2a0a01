package jp.kyodo.evaluation.domain;

import java.util.List;
import java.util.UUID;

import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/** A committee member who belongs to a party of the agreement cannot give its third-party assessment. */
public final class ConflictOfInterestPolicy {

    private ConflictOfInterestPolicy() {
    }

    public static void requireIndependent(Viewer assessor, List<UUID> parties) {
        if (assessor.isMemberOfAny(parties)) {
            throw new ProblemException(OrganizationProblems.CONFLICT_OF_INTEREST, LocalizedText.of(
                    "You belong to a party of this agreement, so you cannot give its third-party assessment.",
                    "この協働の当事者団体に所属しているため、第三者評価はできません。"));
        }
    }
}
