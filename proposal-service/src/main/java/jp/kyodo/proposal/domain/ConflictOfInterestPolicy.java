package jp.kyodo.proposal.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * 利害関係者の除斥: a reviewer who belongs to a proposing organisation cannot score the proposal; neither can one
 * whose organisation proposed in the same theme, since ranking a competitor is scoring one's own chances.
 */
public final class ConflictOfInterestPolicy {

    private ConflictOfInterestPolicy() {
    }

    /**
     * @param reviewerOrganizations   the organisations the reviewer belongs to (directory read model)
     * @param proposers               the proposing organisations of the proposal
     * @param proposersInSameTheme    the proposing organisations of the other submitted proposals of its theme
     */
    public static Optional<LocalizedText> conflictOf(Collection<UUID> reviewerOrganizations,
            Collection<UUID> proposers, Collection<UUID> proposersInSameTheme) {
        for (UUID organization : reviewerOrganizations) {
            if (proposers.contains(organization)) {
                return Optional.of(LocalizedText.of(
                        "You are a member of proposing organisation " + organization + ".",
                        "あなたは提案団体 " + organization + " の構成員です。"));
            }
        }
        for (UUID organization : reviewerOrganizations) {
            if (proposersInSameTheme.contains(organization)) {
                return Optional.of(LocalizedText.of(
                        "Your organisation " + organization + " proposed in the same theme.",
                        "あなたの所属団体 " + organization + " が同じテーマに提案しています。"));
            }
        }
        return Optional.empty();
    }

    public static void requireNone(Collection<UUID> reviewerOrganizations, Collection<UUID> proposers,
            Collection<UUID> proposersInSameTheme) {
        conflictOf(reviewerOrganizations, proposers, proposersInSameTheme).ifPresent(reason -> {
            throw new ProblemException(OrganizationProblems.CONFLICT_OF_INTEREST, reason);
        });
    }
}
