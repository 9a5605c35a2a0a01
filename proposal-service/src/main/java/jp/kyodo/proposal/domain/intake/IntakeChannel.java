package jp.kyodo.proposal.domain.intake;

/** How the consultation reached the desk (受付方法). */
public enum IntakeChannel {
    /** 窓口 */
    COUNTER,
    /** 電話 */
    PHONE,
    /** メール */
    EMAIL,
    /** オンライン（ウェブ相談） */
    ONLINE,
    /** 出張相談・地域訪問 */
    OUTREACH
}
