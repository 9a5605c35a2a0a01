package jp.kyodo.directory.readmodel;

/** Kinds of actor in a collaboration (協働の主体). */
public enum ActorType {
    /** 住民等: people living, working or studying in the city, without legal personality. */
    RESIDENT_GROUP,
    /** 地域活動団体: 自治会, 町内会. */
    COMMUNITY_ASSOCIATION,
    /** 市民活動団体: NPO法人, volunteer groups. */
    CIVIC_GROUP,
    /** 企業等: companies doing social contribution. */
    BUSINESS,
    /** 公益法人等: e.g. 社会福祉法人. */
    PUBLIC_INTEREST_CORPORATION,
    /** 大学等: universities, schools. */
    ACADEMIC,
    /** 国等の機関: national and independent administrative agencies. */
    PUBLIC_AGENCY,
    /** 市の所管課: the city department that owns a project. */
    CITY_DEPARTMENT,
    /** 中間支援組織: civic activity support centres, which employ coordinators. */
    INTERMEDIARY;

    public boolean isCityDepartment() {
        return this == CITY_DEPARTMENT;
    }
}
