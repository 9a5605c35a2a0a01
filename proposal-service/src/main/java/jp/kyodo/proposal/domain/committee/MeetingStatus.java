package jp.kyodo.proposal.domain.committee;

/** Where a meeting stands: scheduled (招集), then held once its attendance is recorded. */
public enum MeetingStatus {
    SCHEDULED, HELD
}
