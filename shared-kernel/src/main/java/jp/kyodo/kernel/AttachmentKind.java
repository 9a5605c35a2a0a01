package jp.kyodo.kernel;

/**
 * What a file attached to a record is (添付書類の種類). Each service accepts the kinds that fit the part a file is
 * attached to; a form's procedure may require some of them (e.g. a commission's 仕様書 and 役割分担書 before freezing).
 * New kinds are added here, at the end; existing names never change (they are stored and published).
 */
public enum AttachmentKind {
    /** 仕様書: what a commissioned work must deliver. */
    SPECIFICATION("仕様書", false),
    /** 役割分担書: who does what, in detail beyond the agreement's tasks. */
    DIVISION_OF_ROLES("役割分担書", false),
    /** 図面: drawings, maps, site plans. */
    DRAWING("図面", false),
    /** 事業計画書. */
    BUSINESS_PLAN("事業計画書", false),
    /** 収支予算書. */
    BUDGET_SHEET("収支予算書", false),
    /** 団体概要: the organisation's profile as submitted with a proposal. */
    ORGANIZATION_PROFILE("団体概要書", false),
    /** 領収書: receipts of a cost report; they name people and shops, so never public. */
    RECEIPT("領収書", true),
    /** 実績報告書・活動報告書. */
    ACTIVITY_REPORT("活動報告書", false),
    /** 会則・定款: rules or articles of association (eligibility evidence). */
    ARTICLES("会則・定款", false),
    /** 役員名簿: officer list; personal data, never public. */
    OFFICER_LIST("役員名簿", true),
    /** 活動実績: record of past activities (eligibility evidence). */
    ACTIVITY_RECORD("活動実績書", false),
    /** 決算書: accounts (eligibility evidence: proper accounts). */
    FINANCIAL_STATEMENT("決算書", false),
    /** 振り返り記録: minutes of a reflection meeting of an evaluation round. */
    REFLECTION_RECORD("振り返り記録", false),
    /** 第三者評価資料: material of the third-party assessment. */
    THIRD_PARTY_MATERIAL("第三者評価資料", false),
    /** その他. */
    OTHER("その他", false);

    private final String japanese;
    private final boolean personalData;

    AttachmentKind(String japanese, boolean personalData) {
        this.japanese = japanese;
        this.personalData = personalData;
    }

    public String japanese() {
        return japanese;
    }

    /** Files of this kind hold personal data (個人情報): they are never marked public. */
    public boolean personalData() {
        return personalData;
    }
}
