package jp.kyodo.platform.tasks;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Names one step that waits for someone: what is to be done ({@code action}, e.g. {@code SIGN_AGREEMENT}) on which
 * aggregate, by whom, for which version of the aggregate ({@code occurrence}, e.g. the agreement version awaiting
 * signatures; 0 when the step happens once) and, for yearly steps, which fiscal year. The task id is derived from all
 * of them, so the owner computes the same id when it opens the task and when it ends it, parties signing one version
 * get distinct tasks, and publishing a fact twice changes nothing downstream.
 */
public record TaskRef(String aggregateType, UUID aggregateId, String action, TaskAddressee addressee, long occurrence,
        Integer fiscalYear) {

    public TaskRef {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(addressee, "addressee");
        if (action == null || !action.matches("^[A-Z][A-Z0-9_]*$")) {
            throw new IllegalArgumentException("an action is an upper-case code: " + action);
        }
        if (!aggregateType.matches("^[a-z][a-z-]*$")) {
            throw new IllegalArgumentException("an aggregate type is a lower-case name: " + aggregateType);
        }
        if (occurrence < 0) {
            throw new IllegalArgumentException("occurrence must not be negative");
        }
    }

    public static TaskRef of(String aggregateType, UUID aggregateId, String action, TaskAddressee addressee) {
        return new TaskRef(aggregateType, aggregateId, action, addressee, 0, null);
    }

    public TaskRef occurrence(long value) {
        return new TaskRef(aggregateType, aggregateId, action, addressee, value, fiscalYear);
    }

    public TaskRef fiscalYear(int year) {
        return new TaskRef(aggregateType, aggregateId, action, addressee, occurrence, year);
    }

    /** The deterministic task id (a name-based UUID). */
    public UUID taskId() {
        String name = String.join("|", "kyodo-task", aggregateType, aggregateId.toString(), action, addressee.key(),
                Long.toString(occurrence), fiscalYear == null ? "" : fiscalYear.toString());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
