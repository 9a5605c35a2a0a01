package jp.kyodo.proposal.domain;

/** The criteria a screening committee scores a proposal against (審査基準). */
public enum ScreeningCriterion {
    /** 公益性 */
    PUBLIC_BENEFIT,
    /** 協働の必要性・相乗効果 */
    NEED_FOR_COLLABORATION,
    /** 実現可能性 */
    FEASIBILITY,
    /** 先駆性 */
    PIONEERING,
    /** 継続性・自立性 */
    SUSTAINABILITY,
    /** 予算の妥当性 */
    BUDGET_SOUNDNESS
}
