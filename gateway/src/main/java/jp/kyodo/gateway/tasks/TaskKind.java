package jp.kyodo.gateway.tasks;

/** What kind of thing awaits the caller; the order is the order of a list's items that share a due date. */
public enum TaskKind {
    /** Sign the version of an agreement awaiting signatures, as representative (代表者) or signatory (決裁権者). */
    SIGN_AGREEMENT,
    /** Submit one's party's self-assessment (自己評価) in an OPEN evaluation round. */
    SUBMIT_SELF_ASSESSMENT,
    /** Score a proposal under screening (審査), as a reviewer on its committee. */
    SCORE_PROPOSAL,
    /** File the actual-cost report (実績報告) of a fiscal year that is over. */
    FILE_COST_REPORT,
    /** A milestone or reflection point (工程・振り返り) past its due date and not reached (staff). */
    MILESTONE_OVERDUE,
    /** Finish a draft proposal, or revise one in consultation (協議) with the department. */
    REVISE_PROPOSAL
}
