package jp.kyodo.platform.audit;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A recorded state change, as staff read it in the audit trail. */
@Schema(name = "AuditEntry", description = "One state change in the audit trail (監査証跡)")
public record AuditEntry(
        @Schema(description = "Id of the entry") UUID id,
        @Schema(description = "Kind of record that changed, e.g. Organization") String aggregateType,
        @Schema(description = "Id of the record that changed") UUID aggregateId,
        @Schema(description = "What was done, e.g. verified") String action,
        @Schema(description = "State before", nullable = true) String fromState,
        @Schema(description = "State after", nullable = true) String toState,
        @Schema(description = "Subject of the person or system that did it") String actor,
        @Schema(description = "Organisation the actor acted for", nullable = true) UUID actingFor,
        @Schema(description = "Reason given", nullable = true) String reason,
        @Schema(description = "Further facts of the change", nullable = true) Map<String, Object> details,
        @Schema(description = "Id of the request that made the change", nullable = true) String requestId,
        @Schema(description = "When it happened") OffsetDateTime occurredAt) {
}
