package jp.kyodo.agreement.domain;

/** Progress of an amendment (変更協定) of an ACTIVE agreement; the signed version stays in force meanwhile. */
public enum AmendmentState {
    NONE,
    /** The parties edit a working copy of the amendment. */
    DRAFTING,
    /** The amendment is frozen as a new version awaiting every party's signature. */
    AWAITING_SIGNATURES
}
