package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import jp.kyodo.notification.domain.Delivery;
import jp.kyodo.notification.domain.DeliveryPreference;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.notification.domain.PersonSetting;
import jp.kyodo.notification.mail.MailComposer;

/**
 * Tells one person one thing, once: a notification in their inbox and, as they chose for its kind, a mail now (into
 * the mail outbox, in the same transaction), a line in tomorrow's digest, or nothing. The occasion's key makes a second
 * attempt — a redelivered event, a sweep run twice — do nothing.
 */
@ApplicationScoped
public class Notices {

    /** What to tell. */
    public record Notice(NoticeKind kind, String occasion, UUID taskId, String titleJa, String titleEn, String link,
            LocalDate dueOn, UUID organizationId) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    MailComposer composer;

    @Inject
    Addressees addressees;

    @Inject
    Clock clock;

    /** Returns whether the person was told now (false: they had been told of this occasion already). */
    public boolean tell(String recipient, Notice notice) {
        String key = notice.kind() + ":" + notice.occasion() + ":" + recipient;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        Delivery delivery = DeliveryPreference.of(recipient, notice.kind());
        UUID id = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                insert into notification (id, recipient, kind, dedupe_key, task_id, title_ja, title_en, link, due_on,
                                          organization_id, created_at, delivery)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                on conflict (dedupe_key) do nothing
                """).setParameter(1, id).setParameter(2, recipient).setParameter(3, notice.kind().name())
                .setParameter(4, key).setParameter(5, notice.taskId()).setParameter(6, notice.titleJa())
                .setParameter(7, notice.titleEn()).setParameter(8, notice.link()).setParameter(9, notice.dueOn())
                .setParameter(10, notice.organizationId()).setParameter(11, now).setParameter(12, delivery.name())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        if (delivery == Delivery.IMMEDIATELY) {
            Language language = languageOf(recipient);
            String title = language == Language.en ? notice.titleEn() : notice.titleJa();
            MailComposer.Composed mail = composer.notice(language, new MailComposer.Item(notice.kind(), title,
                    notice.dueOn(), addressees.nameOf(notice.organizationId()).orElse(null), notice.link()));
            enqueue("mail:" + key, recipient, language, mail, now);
        }
        return true;
    }

    /** Puts a mail into the mail outbox (once per key). */
    public void enqueue(String key, String recipient, Language language, MailComposer.Composed mail, OffsetDateTime now) {
        entityManager.createNativeQuery("""
                insert into outgoing_mail (id, dedupe_key, recipient, language, subject_line, body_text, body_html, state,
                                           next_attempt_at, created_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?8)
                on conflict (dedupe_key) do nothing
                """).setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, recipient)
                .setParameter(4, language.name()).setParameter(5, mail.subject()).setParameter(6, mail.text())
                .setParameter(7, mail.html()).setParameter(8, now).executeUpdate();
    }

    public static Language languageOf(String subject) {
        PersonSetting setting = PersonSetting.findById(subject);
        return setting == null ? PersonSetting.DEFAULT_LANGUAGE : setting.language;
    }
}
