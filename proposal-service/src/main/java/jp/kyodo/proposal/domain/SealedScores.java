package jp.kyodo.proposal.domain;

import java.util.List;

/**
 * Scores stay sealed: a reviewer sees the other reviewers' scores only after submitting their own, so that no one
 * anchors on a colleague's judgement. The committee's secretariat (city staff) sees them as they arrive.
 */
public final class SealedScores {

    private SealedScores() {
    }

    public static List<ReviewerScore> visibleTo(String subject, boolean secretariat, List<ReviewerScore> submitted) {
        if (secretariat) {
            return submitted;
        }
        boolean hasSubmitted = submitted.stream().anyMatch(s -> s.reviewer.equals(subject));
        return hasSubmitted ? submitted : List.of();
    }
}
