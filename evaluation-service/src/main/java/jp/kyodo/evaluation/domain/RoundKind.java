package jp.kyodo.evaluation.domain;

/** Kinds of evaluation round. */
public enum RoundKind {
    /** 中間評価: e.g. at the end of each fiscal year of a multi-year project. */
    INTERIM,
    /** 事後評価: after the agreement is completed. */
    FINAL
}
