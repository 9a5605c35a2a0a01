package jp.kyodo.agreement.document;

/**
 * The documents an agreed collaboration produces, by form: each form's procedure names the document a frozen
 * version produces and who signs it; the document pipeline renders, stores and signs any of them the same way.
 */
public enum DocumentKind {
    /** 協定書: the agreement itself (AGREEMENT, JOINT_FUNDING, CO_HOSTING, PROJECT_COOPERATION). */
    AGREEMENT_DEED("協定書", "Agreement", SigningParties.ALL_PARTIES),
    /** 委託契約書: the contract of a collaborative commission. */
    COMMISSION_CONTRACT("委託契約書", "Commission contract", SigningParties.ALL_PARTIES),
    /** 合意書: the agreement of an adopt programme with the volunteer group. */
    ADOPT_AGREEMENT("合意書", "Adoption agreement", SigningParties.ALL_PARTIES),
    /** 交付決定通知書: the grant decision of a subsidy, issued by the city. */
    GRANT_DECISION_NOTICE("交付決定通知書", "Notice of grant decision", SigningParties.CITY_ALONE),
    /** 額の確定通知書: the fixed amount of a subsidy, issued by the city. */
    AMOUNT_FIXING_NOTICE("補助金額確定通知書", "Notice of the fixed subsidy amount", SigningParties.CITY_ALONE),
    /** 後援承認書: the permission to use the city's name, issued by the city. */
    ENDORSEMENT_APPROVAL("後援名義使用承認書", "Approval of endorsement", SigningParties.CITY_ALONE);

    private final String titleJa;
    private final String titleEn;
    private final SigningParties signers;

    DocumentKind(String titleJa, String titleEn, SigningParties signers) {
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.signers = signers;
    }

    public String titleJa() {
        return titleJa;
    }

    public String titleEn() {
        return titleEn;
    }

    /** Who signs it: both sides of a contract, or the city alone for what it issues. */
    public SigningParties signers() {
        return signers;
    }
}
