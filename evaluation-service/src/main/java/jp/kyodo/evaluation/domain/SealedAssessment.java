package jp.kyodo.evaluation.domain;

import java.util.List;
import java.util.UUID;

/**
 * The sealing rule of self-assessment: no party's scores are visible to anyone but that party's own members until
 * every party has submitted (the round is IN_REVIEW). Then the parties and the people who run the collaboration
 * system (staff, coordinators, the committee, analysts) see them side by side; once PUBLISHED, everyone does.
 * Every read path — round view, lists, the side-by-side review, statistics, event payloads — asks this class.
 */
public final class SealedAssessment {

    private SealedAssessment() {
    }

    /** Whether the viewer may see the scores the given party gave in the round. */
    public static boolean canSee(EvaluationRound round, List<UUID> parties, UUID party, Viewer viewer) {
        if (viewer.isMemberOf(party)) {
            return true;
        }
        return switch (round.status) {
            case OPEN -> false;
            case IN_REVIEW, CLOSED -> viewer.internal() || viewer.isMemberOfAny(parties);
            case PUBLISHED -> true;
        };
    }

    /** Whether the viewer may see every party's scores at once, as the side-by-side review lays them out. */
    public static boolean canSeeAll(EvaluationRound round, List<UUID> parties, Viewer viewer) {
        return round.status.isReviewOrLater() && parties.stream().allMatch(p -> canSee(round, parties, p, viewer));
    }

    /**
     * Whether a round feeds the statistics the viewer reads: the internal viewers get rounds whose mutual review
     * is finished (CLOSED or PUBLISHED), everyone else PUBLISHED rounds only. An OPEN round never counts.
     */
    public static boolean countsInStatistics(EvaluationRound round, boolean internalFigures) {
        return round.status == RoundStatus.PUBLISHED || (internalFigures && round.status == RoundStatus.CLOSED);
    }

    /** Events announce scores only with publication; every earlier event of a round carries none. */
    public static boolean mayCarryScoresInEvents(EvaluationRound round) {
        return round.status == RoundStatus.PUBLISHED;
    }
}
