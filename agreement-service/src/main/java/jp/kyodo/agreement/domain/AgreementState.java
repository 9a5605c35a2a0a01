package jp.kyodo.agreement.domain;

/** Life of an agreement (協定). */
public enum AgreementState {
    /** 協議中: a working copy the parties edit. */
    DRAFT,
    /** 署名待ち: the working copy is frozen as a version awaiting every party's signature. */
    AWAITING_SIGNATURES,
    /** 締結済み: every party signed the same version; it is in force. */
    ACTIVE,
    /** 完了 */
    COMPLETED,
    /** 解除・中止 (with a reason) */
    TERMINATED,
    /** 不承認・不交付: the city refused the application (a version it alone decides) before anything was in force. */
    REFUSED
}
