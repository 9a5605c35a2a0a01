package jp.kyodo.notification.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A mail waiting in the mail outbox, sent or given up. It is written in the transaction that decided to send it and
 * sent by the relay afterwards, so nothing decided is lost when the SMTP server or the process is down.
 */
@Entity
@Table(name = "outgoing_mail")
public class OutgoingMail extends PanacheEntityBase {

    public enum State {
        PENDING, SENT, FAILED
    }

    @Id
    public UUID id;
    public String dedupeKey;
    public String recipient;
    public String address;
    @Enumerated(EnumType.STRING)
    public Language language;
    public String subjectLine;
    public String bodyText;
    public String bodyHtml;
    @Enumerated(EnumType.STRING)
    public State state;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public String lastError;
    public OffsetDateTime createdAt;
    public OffsetDateTime sentAt;

    public void sent(OffsetDateTime now) {
        state = State.SENT;
        sentAt = now;
        attempts++;
        lastError = null;
    }

    /** A failed attempt: retried after the backoff, or given up after the last attempt. */
    public void failed(String reason, OffsetDateTime now, MailBackoff backoff) {
        attempts++;
        lastError = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        if (backoff.givesUpAfter(attempts)) {
            state = State.FAILED;
        } else {
            Duration delay = backoff.delayAfter(attempts);
            nextAttemptAt = now.plus(delay);
        }
    }
}
