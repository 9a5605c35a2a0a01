package jp.kyodo.proposal.domain;

/**
 * How far a caller reads a proposal (閲覧範囲). Before adoption only those who work on it read it: the members of a
 * proposing organisation and, once it is submitted, city staff, coordinators, administrators and its committee.
 * Adoption publishes it (公開) to everyone, but the published record names nobody: the public reads the screening's
 * committee as counts and its scores as the aggregate result, not who sat on it, and the versions without who
 * published them. Those who worked on it keep the full record.
 */
public enum Readership {
    /** May not read the proposal. */
    NONE,
    /** Reads the published record of an adopted proposal: no person's login id. */
    PUBLIC,
    /** Reads everything, people included. */
    FULL;

    public static Readership of(ProposalStatus status, boolean proposerMember, boolean cityOrCoordinator,
            boolean committeeReviewer) {
        return of(status, proposerMember, cityOrCoordinator, committeeReviewer, false);
    }

    /**
     * @param sharedWith whether the proposers shared the draft with the caller before submitting it (事前相談): the
     *                   department's staff and the coordinators it was shared with read it then
     */
    public static Readership of(ProposalStatus status, boolean proposerMember, boolean cityOrCoordinator,
            boolean committeeReviewer, boolean sharedWith) {
        boolean worksOnIt = proposerMember || sharedWith
                || status != ProposalStatus.DRAFT && (cityOrCoordinator || committeeReviewer);
        if (worksOnIt) {
            return FULL;
        }
        return status == ProposalStatus.ADOPTED ? PUBLIC : NONE;
    }

    public boolean mayRead() {
        return this != NONE;
    }

    /** Whether the reader sees who reviewed, edited and published: login ids are personal data. */
    public boolean seesPeople() {
        return this == FULL;
    }
}
