package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import jp.kyodo.notification.domain.Task;
import jp.kyodo.notification.domain.TaskState;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.PoisonEventException;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Keeps the tasks as their owners published them. The inbox lets each fact through once; facts are applied a few at a
 * time, so the two facts of one task may come in either order and at the same moment: each takes the task's lock
 * first, an end that comes first leaves the task ended, and the opening that follows only describes it (its title,
 * due date and link) and never reopens it.
 */
@ApplicationScoped
public class TaskFacts {

    /** The first key of the task locks, so they cannot meet another use of advisory locks in this database. */
    private static final int TASK_LOCKS = 0x7461736b; // "task"

    @Inject
    Clock clock;

    @Inject
    EntityManager entityManager;

    /** The payload of an opened task as this service reads it. */
    public record Opened(UUID taskId, String action, String aggregateType, UUID aggregateId, long occurrence,
            Integer fiscalYear, TaskAddressee addressee, List<String> actors, List<UUID> conflictedOrganizations,
            UUID departmentId, LocalDate dueOn, TaskPublisher.Title title, String link, Instant openedAt) {
    }

    /** The payload of a completed or cancelled task. */
    public record Ended(UUID taskId, String action, String aggregateType, UUID aggregateId, TaskAddressee addressee,
            Instant endedAt, String reason) {
    }

    public void apply(IncomingEvent event) {
        if (TaskPublisher.OPENED.equals(event.type())) {
            opened(event.payload(Opened.class), event.source());
        } else if (TaskPublisher.COMPLETED.equals(event.type()) || TaskPublisher.CANCELLED.equals(event.type())) {
            ended(event.payload(Ended.class), event.source(),
                    TaskPublisher.COMPLETED.equals(event.type()) ? TaskState.COMPLETED : TaskState.CANCELLED);
        }
    }

    private void opened(Opened fact, String source) {
        if (fact.taskId() == null || fact.addressee() == null || fact.title() == null) {
            throw new PoisonEventException("an opened task needs its id, addressee and title");
        }
        lock(fact.taskId());
        Task task = Task.findById(fact.taskId());
        if (task != null && task.isOpen()) {
            return; // the same step published again: nothing new
        }
        boolean endedFirst = task != null;
        if (task == null) {
            task = new Task();
            task.id = fact.taskId();
        }
        task.action = fact.action();
        task.aggregateType = fact.aggregateType();
        task.aggregateId = fact.aggregateId();
        task.occurrence = fact.occurrence();
        task.fiscalYear = fact.fiscalYear();
        task.addresseeKind = fact.addressee().kind();
        task.addresseeSubject = fact.addressee().subject();
        task.addresseeOrganization = fact.addressee().organizationId();
        task.addresseeRole = fact.addressee().role();
        task.actors = fact.actors() == null ? new String[0] : fact.actors().toArray(String[]::new);
        task.conflictedOrganizations = fact.conflictedOrganizations() == null ? new UUID[0]
                : fact.conflictedOrganizations().toArray(UUID[]::new);
        task.departmentId = fact.departmentId();
        task.dueOn = fact.dueOn();
        task.titleJa = fact.title().ja();
        task.titleEn = fact.title().en();
        task.link = fact.link();
        task.openedAt = fact.openedAt() == null ? null : fact.openedAt().atOffset(ZoneOffset.UTC);
        if (!endedFirst) {
            task.state = TaskState.OPEN;
            task.source = source;
            task.receivedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        }
        task.persist();
    }

    private void ended(Ended fact, String source, TaskState state) {
        lock(fact.taskId());
        Task task = Task.findById(fact.taskId());
        if (task != null && !task.isOpen()) {
            return; // a task ends once
        }
        if (task == null) {
            // The end arrived before the opening (or the opening was lost): remember it ended, so nothing reopens it.
            task = new Task();
            task.id = fact.taskId();
            task.action = fact.action();
            task.aggregateType = fact.aggregateType();
            task.aggregateId = fact.aggregateId();
            task.addresseeKind = fact.addressee() == null ? TaskAddressee.Kind.ORGANIZATION : fact.addressee().kind();
            task.addresseeSubject = fact.addressee() == null ? null : fact.addressee().subject();
            task.addresseeOrganization = fact.addressee() == null ? null : fact.addressee().organizationId();
            task.addresseeRole = fact.addressee() == null ? null : fact.addressee().role();
            task.actors = new String[0];
            task.conflictedOrganizations = new UUID[0];
            task.titleJa = fact.action();
            task.titleEn = fact.action();
            task.link = "/api/notifications/me/tasks";
            task.source = source;
            task.receivedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            task.announcedAt = task.receivedAt;
        }
        task.state = state;
        task.endReason = fact.reason();
        task.endedAt = fact.endedAt() == null ? OffsetDateTime.now(clock) : fact.endedAt().atOffset(ZoneOffset.UTC);
        task.persist();
    }

    /**
     * Holds the task's facts to one at a time until this transaction ends. A row lock cannot serve: the first of
     * the two facts finds no row to lock.
     */
    private void lock(UUID taskId) {
        entityManager.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, TASK_LOCKS).setParameter(2, taskId.hashCode()).getSingleResult();
    }
}
