package jp.kyodo.platform.audit;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One state change for the audit trail: which version of which aggregate it produced, from which state to which,
 * for which organisation the actor acted, and why. A change is announced by an event of the same aggregate and
 * version ({@link EveryChangeAnnounced}) unless it says why it is not ({@link #unannounced}).
 */
public record AuditRecord(String aggregateType, UUID aggregateId, long aggregateVersion, String action,
        String fromState, String toState, UUID actingFor, String reason, Map<String, Object> details,
        String unannouncedBecause) {

    public AuditRecord {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(action, "action");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The change that brought the aggregate to {@code version} (its version after the change, flushed). */
    public static AuditRecord of(String aggregateType, UUID aggregateId, long version, String action) {
        return new AuditRecord(aggregateType, aggregateId, version, action, null, null, null, null, Map.of(), null);
    }

    public AuditRecord transition(Object from, Object to) {
        return new AuditRecord(aggregateType, aggregateId, aggregateVersion, action, from == null ? null : from.toString(),
                to == null ? null : to.toString(), actingFor, reason, details, unannouncedBecause);
    }

    public AuditRecord actingFor(UUID organisation) {
        return new AuditRecord(aggregateType, aggregateId, aggregateVersion, action, fromState, toState, organisation,
                reason, details, unannouncedBecause);
    }

    public AuditRecord reason(String why) {
        return new AuditRecord(aggregateType, aggregateId, aggregateVersion, action, fromState, toState, actingFor, why,
                details, unannouncedBecause);
    }

    public AuditRecord details(Map<String, Object> more) {
        return new AuditRecord(aggregateType, aggregateId, aggregateVersion, action, fromState, toState, actingFor,
                reason, more, unannouncedBecause);
    }

    /**
     * A change that is recorded but deliberately published as no event, and why: e.g. a draft its authors have not
     * shared yet, or a person's own data that never leaves the service.
     */
    public AuditRecord unannounced(String because) {
        return new AuditRecord(aggregateType, aggregateId, aggregateVersion, action, fromState, toState, actingFor,
                reason, details, Objects.requireNonNull(because, "because"));
    }

    public boolean announced() {
        return unannouncedBecause == null;
    }

    /** e.g. {@code Proposal 3f2c…/consultation-opened at version 2}. */
    public String describe() {
        return aggregateType + " " + aggregateId + "/" + action + " at version " + aggregateVersion;
    }
}
