package jp.kyodo.proposal.domain;

/** Who took the initiative (発意). */
public enum ProposalOrigin {
    /** 市民発意: an organisation proposes its own theme. */
    CITIZEN_INITIATED,
    /** 行政発意: an organisation answers a theme the city published. */
    CITY_INITIATED
}
