package jp.kyodo.proposal.domain.intake;

/** What came of a consultation, recorded when the desk closes it (対応結果). */
public enum IntakeOutcome {
    /** 情報提供 */
    INFORMATION_GIVEN,
    /** 所管課へ引継ぎ */
    REFERRED,
    /** 提案の作成に至った (names the proposal) */
    PROPOSAL_DRAFTED,
    /** 人材・団体の紹介に至った (人材紹介) */
    MATCHED,
    /** 対応終了 (nothing further) */
    CLOSED_WITHOUT_ACTION
}
