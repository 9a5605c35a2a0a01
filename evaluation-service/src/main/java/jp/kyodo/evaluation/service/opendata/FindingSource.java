package jp.kyodo.evaluation.service.opendata;

/** Where a row of evaluation-findings comes from. */
public enum FindingSource {
    /** 相互評価: a finding the parties agreed, with its improvement. */
    MUTUAL_REVIEW,
    /** 第三者評価: the committee's opinion. */
    THIRD_PARTY
}
