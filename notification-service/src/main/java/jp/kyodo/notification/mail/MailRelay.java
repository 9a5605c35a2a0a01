package jp.kyodo.notification.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jp.kyodo.notification.domain.MailBackoff;
import jp.kyodo.notification.domain.OutgoingMail;
import jp.kyodo.notification.service.People;
import jp.kyodo.platform.db.IdQueries;

/**
 * Sends the mail outbox: each pending mail whose time has come is claimed ({@code for update skip locked}, so replicas
 * never send one twice), its address looked up at the identity provider, handed to the SMTP server, and marked sent in
 * the same transaction. A refusal or an unreachable server leaves it pending with the reason and a later attempt
 * (backoff); a person without an address is recorded as a failure at once.
 */
@ApplicationScoped
public class MailRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    @Inject
    EntityManager entityManager;

    @Inject
    Mailer mailer;

    @Inject
    People people;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kyodo.notifications.mail.first-backoff")
    Duration firstBackoff;

    @ConfigProperty(name = "kyodo.notifications.mail.max-backoff")
    Duration maxBackoff;

    @ConfigProperty(name = "kyodo.notifications.mail.max-attempts")
    int maxAttempts;

    @Scheduled(every = "${kyodo.notifications.mail.poll-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sendDue() {
        while (QuarkusTransaction.requiringNew().call(this::sendOne)) {
            // next one
        }
    }

    /** Sends the next due mail, if any; returns whether there was one. */
    boolean sendOne() {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        List<UUID> due = IdQueries.select(entityManager, """
                select id from outgoing_mail where state = 'PENDING' and next_attempt_at <= ?
                 order by next_attempt_at, created_at limit 1 for update skip locked
                """, List.of(now));
        if (due.isEmpty()) {
            return false;
        }
        OutgoingMail mail = OutgoingMail.findById(due.get(0));
        MailBackoff backoff = new MailBackoff(firstBackoff, maxBackoff, maxAttempts);
        try {
            if (mail.address == null) {
                Optional<String> address = people.person(mail.recipient).map(People.Person::email);
                if (address.isEmpty()) {
                    mail.attempts++;
                    mail.lastError = "no e-mail address is known for this person";
                    mail.state = OutgoingMail.State.FAILED;
                    metrics.counter("kyodo.mail.failed").increment();
                    return true;
                }
                mail.address = address.get();
            }
            mailer.send(Mail.withHtml(mail.address, mail.subjectLine, mail.bodyHtml).setText(mail.bodyText)
                    .addHeader("X-Kyodo-Mail-Id", mail.id.toString()));
            mail.sent(now);
            metrics.counter("kyodo.mail.sent").increment();
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("mail %s not sent (attempt %d): %s", mail.id, mail.attempts + 1, reason);
            mail.failed(reason, now, backoff);
            metrics.counter("kyodo.mail.attempt-failed").increment();
            // Let the other pending mails wait for the next round rather than hammer a server that is down.
            return false;
        }
        return true;
    }
}
