package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of agreement.working-copy-edited: a party saved the working copy. When it edited a version awaiting
 * signatures, that version stops awaiting them ({@code withdrawnDocumentVersion}) and the agreement is back in
 * negotiation: DRAFT, or for an amendment ACTIVE/AMENDMENT_DRAFTING. The content itself is the parties' until it is
 * frozen.
 */
public record AgreementWorkingCopyEdited(UUID agreementId, long version, String previousState, String state,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer withdrawnDocumentVersion, UUID editedFor,
        List<UUID> partyIds, Instant editedAt) {
}
