package jp.kyodo.platform.tasks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;

/**
 * Publishes task facts on {@value #TOPIC} through this service's outbox, in the transaction of the state change that
 * opens or ends the step. Which steps exist, who must act and by when is the owning service's domain policy; this only
 * writes the facts. A task is its own small aggregate keyed by its id: opened is version 1, completed or cancelled
 * version 2, so a consumer that applies only newer versions ignores a late "opened" after the end.
 */
@ApplicationScoped
public class TaskPublisher {

    public static final String TOPIC = "kyodo.tasks.v1";
    public static final String OPENED = EventTypes.of("task.opened");
    public static final String COMPLETED = EventTypes.of("task.completed");
    public static final String CANCELLED = EventTypes.of("task.cancelled");

    static final long OPENED_VERSION = 1;
    static final long ENDED_VERSION = 2;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** The payload of {@code jp.kyodo.task.opened.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Opened(UUID taskId, String action, String aggregateType, UUID aggregateId, long occurrence,
            Integer fiscalYear, TaskAddressee addressee, List<String> actors, List<UUID> conflictedOrganizations,
            UUID departmentId, LocalDate dueOn, Title title, String link, Instant openedAt) {
    }

    /** The payload of {@code jp.kyodo.task.completed.v1} and {@code jp.kyodo.task.cancelled.v1}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ended(UUID taskId, String action, String aggregateType, UUID aggregateId, TaskAddressee addressee,
            Instant endedAt, String reason) {
    }

    public record Title(String ja, String en) {
    }

    public UUID opened(OpenTask task) {
        TaskRef ref = task.ref();
        UUID id = ref.taskId();
        outbox.publish(new DomainEvent(TOPIC, OPENED, id, OPENED_VERSION,
                new Opened(id, ref.action(), ref.aggregateType(), ref.aggregateId(), ref.occurrence(), ref.fiscalYear(),
                        ref.addressee(), task.actors(), task.conflicted().isEmpty() ? null : task.conflicted(),
                        task.departmentId(), task.dueOn(),
                        new Title(task.titleJa(), task.titleEn()), task.link(), clock.instant())));
        return id;
    }

    /** The addressee did what the task asked. */
    public void completed(TaskRef ref) {
        ended(COMPLETED, ref, null);
    }

    /** The step no longer waits for anyone (the aggregate moved on, was withdrawn or ended); {@code reason} is a code. */
    public void cancelled(TaskRef ref, String reason) {
        ended(CANCELLED, ref, reason);
    }

    private void ended(String type, TaskRef ref, String reason) {
        UUID id = ref.taskId();
        outbox.publish(new DomainEvent(TOPIC, type, id, ENDED_VERSION, new Ended(id, ref.action(), ref.aggregateType(),
                ref.aggregateId(), ref.addressee(), clock.instant(), reason)));
    }
}
