package jp.kyodo.proposal.domain.committee;

/** What a committee is for. */
public enum CommitteeKind {
    /** 審査委員会: screens proposals. */
    SCREENING,
    /** 協働推進会議・懇話会: reviews the proposal scheme and the evaluation (seed 001). */
    COUNCIL
}
