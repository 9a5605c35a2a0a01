package jp.kyodo.kernel;

/** Forms of collaboration (協働の形態). */
public enum CollaborationForm {
    /** 実行委員会・共催 */
    CO_HOSTING,
    /** 協定 */
    AGREEMENT,
    /** 協働負担金 */
    JOINT_FUNDING,
    /** 協働型委託 */
    COLLABORATIVE_COMMISSION,
    /** 事業協力 */
    PROJECT_COOPERATION,
    /** 補助 */
    SUBSIDY,
    /** アダプト制度 */
    ADOPT_PROGRAM,
    /** 後援 */
    ENDORSEMENT;

    /** Forms in which the city pays money that the partner reports on and settles after each fiscal year (実績報告・精算). */
    public boolean requiresSettlement() {
        return this == SUBSIDY || this == JOINT_FUNDING || this == COLLABORATIVE_COMMISSION;
    }
}
