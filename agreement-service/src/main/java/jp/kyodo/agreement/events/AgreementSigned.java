package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payload of agreement.signed: one party signed version N (the signer is named only by subject). */
public record AgreementSigned(UUID agreementId, long version, int documentVersion, UUID organizationId,
        String signerSubject, String signerRole, String contentSha256, Instant signedAt, List<UUID> awaitingPartyIds) {
}
