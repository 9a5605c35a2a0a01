package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of agreement.signed.v2: one party signed version N, through a person in the named role. The person is not
 * named (no consumer acts on them); v1 carried their login subject.
 */
public record AgreementSigned(UUID agreementId, long version, int documentVersion, UUID organizationId,
        String signerRole, String contentSha256, Instant signedAt, List<UUID> awaitingPartyIds) {
}
