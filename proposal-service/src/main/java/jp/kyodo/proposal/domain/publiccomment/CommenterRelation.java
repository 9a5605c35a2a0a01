package jp.kyodo.proposal.domain.publiccomment;

/** How a commenter is related to the city, as the comment form asks it. */
public enum CommenterRelation {
    /** 市内在住 */
    LIVES_IN_CITY,
    /** 市内在勤 */
    WORKS_IN_CITY,
    /** 市内在学 */
    STUDIES_IN_CITY,
    /** 市内に事務所・事業所を有する */
    BUSINESS_IN_CITY,
    /** その他（利害関係者など） */
    OTHER;

    /** Work and school are named, so that the city can check the relation if it must. */
    public boolean namesWorkplaceOrSchool() {
        return this == WORKS_IN_CITY || this == STUDIES_IN_CITY;
    }
}
