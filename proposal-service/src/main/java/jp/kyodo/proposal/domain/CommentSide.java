package jp.kyodo.proposal.domain;

/** Which side of the consultation a comment comes from. */
public enum CommentSide {
    /** 提案者 */
    PROPOSER,
    /** 所管課 */
    DEPARTMENT,
    /** コーディネーター (中間支援組織) */
    COORDINATOR
}
