package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.notification.domain.Task;
import jp.kyodo.platform.db.IdQueries;

/**
 * Tells the people a newly opened task reaches. Separate from receiving the fact, because finding them asks the
 * identity provider, which may be down: the task is listed at once, and announced as soon as the people can be told.
 * Rows are claimed with {@code for update skip locked}, so replicas share the work without telling anyone twice.
 */
@ApplicationScoped
public class TaskAnnouncer {

    private static final Logger LOG = Logger.getLogger(TaskAnnouncer.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Addressees addressees;

    @Inject
    Notices notices;

    @Inject
    Clock clock;

    @Scheduled(every = "${kyodo.notifications.mail.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void announcePending() {
        while (announceBatch() > 0) {
            // more may be waiting
        }
    }

    /**
     * Announces up to a batch of tasks; returns how many were announced. Who is told is asked of the identity
     * provider before the task's row is locked, and the lock is held only while the notices are written: the consumer
     * applies task facts one after another, and one ending a locked task (a reply task ends moments after it opens)
     * held every later fact back for as long as the lookups took, 0.2–0.5 s in a burst.
     */
    int announceBatch() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> IdQueries.select(entityManager, """
                select id from task where announced_at is null and state = 'OPEN' order by received_at limit 20
                """, List.of()));
        int announced = 0;
        for (UUID id : ids) {
            try {
                List<String> recipients = QuarkusTransaction.requiringNew().call(() -> recipientsOf(id));
                if (QuarkusTransaction.requiringNew().call(() -> announceIfStillPending(id, recipients))) {
                    announced++;
                }
            } catch (RuntimeException e) {
                LOG.warnf("task %s not announced yet: %s", id, e.getMessage());
                return announced;
            }
        }
        return announced;
    }

    private List<String> recipientsOf(UUID id) {
        Task task = Task.findById(id);
        return task == null || !task.isOpen() ? List.of() : addressees.recipients(task);
    }

    private boolean announceIfStillPending(UUID id, List<String> recipients) {
        List<UUID> claimed = IdQueries.select(entityManager, """
                select id from task where id = ? and announced_at is null and state = 'OPEN' for update skip locked
                """, List.of(id));
        if (claimed.isEmpty()) {
            return false; // ended or announced meanwhile, or another replica is announcing it
        }
        Task task = Task.findById(id);
        for (String recipient : recipients) {
            notices.tell(recipient, new Notices.Notice(NoticeKind.TASK_OPENED, task.id.toString(), task.id, task.titleJa,
                    task.titleEn, task.link, task.dueOn, task.actingOrganization()));
        }
        task.announcedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return true;
    }
}
