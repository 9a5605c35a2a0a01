package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jp.kyodo.kernel.CollaborationForm;

/**
 * Payload of agreement.refused: the city refused a version awaiting its decision (不交付決定, 後援の不承認) with its
 * reasons. A refused application ends the agreement (REFUSED); a refused amendment is discarded and the version in
 * force stays.
 */
public record AgreementRefused(UUID agreementId, long version, CollaborationForm collaborationForm,
        int documentVersion, boolean amendment, String state, List<String> reasons, UUID decidedFor,
        Instant refusedAt) {
}
