package jp.kyodo.agreement.domain.content;

/** Kinds of responsibility an agreement assigns (責任分担). */
public enum LiabilityKind {
    /** 保険加入 */
    INSURANCE,
    /** 個人情報の取扱い */
    PERSONAL_DATA,
    /** 事故対応 */
    ACCIDENT,
    /** その他 */
    OTHER
}
