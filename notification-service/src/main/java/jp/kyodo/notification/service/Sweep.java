package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.notification.domain.Delivery;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.notification.domain.Notification;
import jp.kyodo.notification.domain.OutgoingMail;
import jp.kyodo.notification.domain.ReminderSchedule;
import jp.kyodo.notification.domain.Task;
import jp.kyodo.notification.mail.MailComposer;

/**
 * Looks at the calendar: reminders before due dates, overdue notices, escalations and the daily digest. Runs on every
 * replica on schedule but does its work only while holding a PostgreSQL advisory lock, so one replica at a time; what
 * it sends is keyed by occasion, so running it again (or after a restart, or after the clock moved) sends nothing twice.
 */
@ApplicationScoped
public class Sweep {

    private static final Logger LOG = Logger.getLogger(Sweep.class);
    /** Advisory-lock key of the sweep ("notify" in ASCII). */
    private static final long LOCK = 0x6e6f74696679L;
    /** Overdue tasks older than the escalation plus this are not looked at again: everything was sent by then. */
    private static final Period LOOK_BACK_MARGIN = Period.ofDays(14);

    @Inject
    EntityManager entityManager;

    @Inject
    Addressees addressees;

    @Inject
    Notices notices;

    @Inject
    MailComposer composer;

    @Inject
    Escalation escalation;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kyodo.notifications.reminder-before")
    Period reminderBefore;

    @ConfigProperty(name = "kyodo.notifications.escalate-after")
    Period escalateAfter;

    @ConfigProperty(name = "kyodo.notifications.digest-at")
    LocalTime digestAt;

    @Scheduled(every = "${kyodo.notifications.sweep-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warnf("sweep failed, tried again on the next run: %s", e.toString());
        }
    }

    /** One sweep: reminders, overdue notices and escalations, then digests if their time has come. */
    public void run() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (!lock()) {
                return;
            }
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(FiscalYear.CITY_ZONE));
            remind(now.toLocalDate());
            if (!now.toLocalTime().isBefore(digestAt)) {
                digest(now.toLocalDate(), now.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
            }
        });
    }

    private boolean lock() {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
    }

    private void remind(LocalDate today) {
        ReminderSchedule schedule = new ReminderSchedule(reminderBefore, escalateAfter);
        List<Task> tasks = Task.list("state = jp.kyodo.notification.domain.TaskState.OPEN and dueOn <= ?1 and dueOn >= ?2",
                schedule.horizon(today), today.minus(escalateAfter).minus(LOOK_BACK_MARGIN));
        for (Task task : tasks) {
            LocalDate openedOn = (task.openedAt == null ? task.receivedAt : task.openedAt)
                    .atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate();
            Set<NoticeKind> due = schedule.dueOn(today, task.dueOn, openedOn);
            for (NoticeKind kind : due) {
                List<String> recipients = kind == NoticeKind.ESCALATION ? escalation.targets(task) : addressees.recipients(task);
                for (String recipient : recipients) {
                    notices.tell(recipient, new Notices.Notice(kind, task.id.toString(), task.id, task.titleJa,
                            task.titleEn, task.link, task.dueOn, task.actingOrganization()));
                }
            }
        }
    }

    private void digest(LocalDate today, OffsetDateTime now) {
        List<Notification> pending = Notification.list(
                "delivery = ?1 and digestedAt is null and createdAt <= ?2 order by recipient, createdAt",
                Delivery.DAILY_DIGEST, now);
        Map<String, List<Notification>> byRecipient = new LinkedHashMap<>();
        for (Notification n : pending) {
            byRecipient.computeIfAbsent(n.recipient, r -> new java.util.ArrayList<>()).add(n);
        }
        byRecipient.forEach((recipient, items) -> {
            String key = "digest:" + recipient + ":" + today;
            if (OutgoingMail.count("dedupeKey", key) > 0) {
                return; // today's digest went out already: these wait for tomorrow's
            }
            Language language = Notices.languageOf(recipient);
            MailComposer.Composed mail = composer.digest(language, today, items.stream()
                    .map(n -> new MailComposer.Item(n.kind, n.title(language), n.dueOn,
                            addressees.nameOf(n.organizationId).orElse(null), n.link))
                    .toList());
            notices.enqueue(key, recipient, language, mail, now);
            items.forEach(n -> n.digestedAt = now);
        });
    }
}
