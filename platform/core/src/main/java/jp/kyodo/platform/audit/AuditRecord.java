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

    /**
     * A read worth recording (a non-public file, a person's contact): who looked at what, when. It changes nothing,
     * so it has no version of its own ({@link #NO_VERSION}) and no event.
     */
    public static AuditRecord access(String aggregateType, UUID aggregateId, String action) {
        return new AuditRecord(aggregateType, aggregateId, NO_VERSION, action, null, null, null, null, Map.of(),
                READ_CHANGES_NOTHING);
    }

    /** The version an {@link #access} record carries: versions of records start at 1. */
    public static final long NO_VERSION = 0;

    private static final String READ_CHANGES_NOTHING = "a read changes nothing";

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
