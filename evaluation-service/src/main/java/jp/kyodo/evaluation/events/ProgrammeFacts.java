package jp.kyodo.evaluation.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of other services' events the programme read model keeps: facts only, never a person. Each record reads
 * the payload of one or more event types; fields a type does not carry stay null.
 */
public final class ProgrammeFacts {

    private ProgrammeFacts() {
    }

    /** proposal.submitted, proposal.adopted, proposal.not-adopted, proposal.withdrawn, proposal.not-pursued */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProposalFacts(UUID proposalId, long version, Integer fiscalYear, String origin, String field,
            String collaborationForm, UUID departmentId, List<UUID> proposingOrganizationIds, Instant submittedAt,
            Instant decidedAt, Instant closedAt) {
    }

    /** intake.* */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IntakeFacts(UUID intakeId, long version, int fiscalYear, String channel, String field,
            String status, String outcome) {
    }

    /** public-comment.* */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentPeriodFacts(UUID periodId, long version, int fiscalYear, String subjectKind,
            Integer receiptNumber, Integer commentCount, String status) {
    }

    /** agreement.settlement-recorded */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SettlementFacts(UUID agreementId, long version, UUID organizationId, int fiscalYear,
            Long confirmedAmountYen, Long toReturnYen) {
    }
}
