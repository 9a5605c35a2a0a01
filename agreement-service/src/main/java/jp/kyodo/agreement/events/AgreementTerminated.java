package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Payload of agreement.terminated: the agreement ended early, with the reason. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgreementTerminated(UUID agreementId, long version, UUID proposalId, String previousState,
        Integer documentVersion, String reason, Instant terminatedAt) {
}
