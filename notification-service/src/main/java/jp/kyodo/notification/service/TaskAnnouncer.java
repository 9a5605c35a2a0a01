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

    @Scheduled(every = "${kyodo.notifications.mail.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void announcePending() {
        while (QuarkusTransaction.requiringNew().call(this::announceBatch) > 0) {
            // more may be waiting
        }
    }

    /** Announces up to a batch of tasks; returns how many were announced. */
    int announceBatch() {
        List<UUID> ids = IdQueries.select(entityManager, """
                select id from task where announced_at is null and state = 'OPEN'
                 order by received_at limit 20 for update skip locked
                """, List.of());
        int announced = 0;
        for (UUID id : ids) {
            Task task = Task.findById(id);
            try {
                announce(task);
                announced++;
            } catch (RuntimeException e) {
                LOG.warnf("task %s not announced yet: %s", id, e.getMessage());
                return announced;
            }
        }
        return announced;
    }

    private void announce(Task task) {
        for (String recipient : addressees.recipients(task)) {
            notices.tell(recipient, new Notices.Notice(NoticeKind.TASK_OPENED, task.id.toString(), task.id, task.titleJa,
                    task.titleEn, task.link, task.dueOn, task.actingOrganization()));
        }
        task.announcedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
