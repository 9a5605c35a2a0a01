package jp.kyodo.agreement.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * Payload of agreement.drafted: a draft agreement exists, from an adopted proposal, opened by staff, or applied for
 * directly by an organisation.
 */
public record AgreementDrafted(UUID agreementId, long version, UUID proposalId, String origin, String title,
        CollaborationForm collaborationForm, ActivityArea activityArea, FieldOfActivity field, LocalDate termStart,
        LocalDate termEnd, List<UUID> partyIds) {

    public static final String FROM_PROPOSAL = "ADOPTED_PROPOSAL";
    public static final String OPENED_BY_STAFF = "OPENED_BY_STAFF";
    /** An organisation applied directly (後援, アダプト). */
    public static final String APPLIED_BY_ORGANIZATION = "APPLIED_BY_ORGANIZATION";
}
