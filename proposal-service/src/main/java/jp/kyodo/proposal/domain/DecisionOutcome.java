package jp.kyodo.proposal.domain;

/** The committee's decision on a screened proposal. */
public enum DecisionOutcome {
    /** 採択 */
    ADOPTED,
    /** 不採択 */
    NOT_ADOPTED;

    public ProposalStatus status() {
        return this == ADOPTED ? ProposalStatus.ADOPTED : ProposalStatus.NOT_ADOPTED;
    }
}
