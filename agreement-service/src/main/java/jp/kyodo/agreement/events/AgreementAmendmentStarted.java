package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of agreement.amendment-started: a party opened an amendment (変更協定); the signed version stays in force. */
public record AgreementAmendmentStarted(UUID agreementId, long version, int documentVersionInForce, UUID startedFor,
        String reason, Instant startedAt) {
}
