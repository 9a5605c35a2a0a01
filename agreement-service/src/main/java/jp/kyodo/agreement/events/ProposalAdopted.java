package jp.kyodo.agreement.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * Payload of jp.kyodo.proposal.adopted.v1 (contract 2), as proposal-service publishes it. Fields added later by the
 * producer are ignored, as the contract allows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProposalAdopted(
        UUID proposalId,
        long version,
        String referenceNumber,
        int fiscalYear,
        String origin,
        UUID themeId,
        String title,
        String localIssue,
        List<String> goals,
        String approach,
        CollaborationForm collaborationForm,
        ActivityArea activityArea,
        FieldOfActivity field,
        Period period,
        String beneficiaries,
        String expectedEffects,
        List<UUID> proposingOrganizationIds,
        UUID departmentId,
        List<BudgetLine> budgetLines,
        String decisionRationale,
        Instant decidedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Period(LocalDate start, LocalDate end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BudgetLine(UUID organizationId, int fiscalYear, String item, long amountYen) {
    }

    public static final String TYPE = "jp.kyodo.proposal.adopted.v1";
}
