package jp.kyodo.platform.audit;

import java.util.Map;
import java.util.UUID;

/**
 * One state change for the audit trail: what changed, from which state to which, for which organisation the
 * actor acted, and why.
 */
public record AuditRecord(String aggregateType, UUID aggregateId, String action, String fromState, String toState,
        UUID actingFor, String reason, Map<String, Object> details) {

    public static AuditRecord of(String aggregateType, UUID aggregateId, String action) {
        return new AuditRecord(aggregateType, aggregateId, action, null, null, null, null, Map.of());
    }

    public AuditRecord transition(Object from, Object to) {
        return new AuditRecord(aggregateType, aggregateId, action, from == null ? null : from.toString(),
                to == null ? null : to.toString(), actingFor, reason, details);
    }

    public AuditRecord actingFor(UUID organisation) {
        return new AuditRecord(aggregateType, aggregateId, action, fromState, toState, organisation, reason, details);
    }

    public AuditRecord reason(String why) {
        return new AuditRecord(aggregateType, aggregateId, action, fromState, toState, actingFor, why, details);
    }

    public AuditRecord details(Map<String, Object> more) {
        return new AuditRecord(aggregateType, aggregateId, action, fromState, toState, actingFor, reason, Map.copyOf(more));
    }
}
