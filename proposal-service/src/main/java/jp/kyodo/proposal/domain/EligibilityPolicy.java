package jp.kyodo.proposal.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * 提案者の要件: only organisations the city has verified (articles, base in the city, accounts, no political,
 * religious or criminal purpose), and not suspended since, may submit. A joint proposal needs every proposer to be
 * eligible.
 */
public final class EligibilityPolicy {

    private EligibilityPolicy() {
    }

    public static void requireEligible(Iterable<UUID> proposers, Function<UUID, Optional<KnownOrganization>> directory) {
        for (UUID id : proposers) {
            Optional<KnownOrganization> organization = directory.apply(id);
            if (organization.isEmpty()) {
                throw new ProblemException(OrganizationProblems.NOT_ELIGIBLE, LocalizedText.of(
                        "Organisation " + id + " is not known to the directory.",
                        "団体 " + id + " は団体名簿に登録されていません。"));
            }
            OrganizationStatus status = organization.get().status;
            if (status == OrganizationStatus.SUSPENDED) {
                throw new ProblemException(OrganizationProblems.NOT_ELIGIBLE, LocalizedText.of(
                        organization.get().name + " is suspended and cannot submit proposals.",
                        organization.get().name + " は資格停止中のため提案を提出できません。"));
            }
            if (status != OrganizationStatus.VERIFIED) {
                throw new ProblemException(OrganizationProblems.NOT_ELIGIBLE, LocalizedText.of(
                        organization.get().name + " has not been verified by the city yet.",
                        organization.get().name + " は市による要件確認が済んでいません。"));
            }
        }
    }
}
