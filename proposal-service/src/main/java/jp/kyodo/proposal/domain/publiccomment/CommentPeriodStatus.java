package jp.kyodo.proposal.domain.publiccomment;

/**
 * OPEN from its announcement: comments are accepted from the first to the last day of the period, then the city
 * prepares the summary; RESULT_PUBLISHED once the summary and the city's view are published (結果の公表).
 */
public enum CommentPeriodStatus {
    OPEN, RESULT_PUBLISHED
}
