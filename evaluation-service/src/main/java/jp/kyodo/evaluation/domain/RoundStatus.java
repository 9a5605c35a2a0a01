package jp.kyodo.evaluation.domain;

import java.util.List;

/** States of an evaluation round, in the only order they can be passed. */
public enum RoundStatus {
    /** 自己評価: each party scores both tracks on its own. */
    OPEN,
    /** 相互評価: every party submitted; scores are laid side by side. */
    IN_REVIEW,
    /** Findings recorded; a third-party assessment may be added. */
    CLOSED,
    /** 公表: the result is public. */
    PUBLISHED;

    public List<RoundStatus> allowedNext() {
        return switch (this) {
            case OPEN -> List.of(IN_REVIEW);
            case IN_REVIEW -> List.of(CLOSED);
            case CLOSED -> List.of(PUBLISHED);
            case PUBLISHED -> List.of();
        };
    }

    /** Whether every party has submitted, so the mutual review has begun. */
    public boolean isReviewOrLater() {
        return this != OPEN;
    }
}
