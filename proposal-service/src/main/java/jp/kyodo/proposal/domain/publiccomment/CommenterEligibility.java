package jp.kyodo.proposal.domain.publiccomment;

/** Who may comment (意見を提出できる方). */
public enum CommenterEligibility {
    /** 市内在住・在勤・在学の方、市内に事業所を有する方 (the default) */
    CITY_RESIDENTS_WORKERS_STUDENTS,
    /** どなたでも */
    ANYONE;

    public boolean admits(CommenterRelation relation) {
        return this == ANYONE || relation != CommenterRelation.OTHER;
    }
}
