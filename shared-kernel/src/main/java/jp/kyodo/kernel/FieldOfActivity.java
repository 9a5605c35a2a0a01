package jp.kyodo.kernel;

/** Fields of activity (活動分野) in which organisations work and collaborations take place. */
public enum FieldOfActivity {
    /** 福祉 */
    WELFARE,
    /** 子育て */
    CHILD_REARING,
    /** 防災 */
    DISASTER_PREVENTION,
    /** 環境 */
    ENVIRONMENT,
    /** 文化・芸術 */
    CULTURE_AND_ARTS,
    /** 地域安全 */
    COMMUNITY_SAFETY,
    /** まちづくり */
    TOWN_PLANNING,
    /** 教育 */
    EDUCATION,
    /** 健康 */
    HEALTH,
    /** 国際交流 */
    INTERNATIONAL_EXCHANGE,
    /** その他 */
    OTHER
}
