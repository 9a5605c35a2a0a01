package jp.kyodo.notification.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.notification.domain.Delivery;
import jp.kyodo.notification.domain.DeliveryPreference;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.notification.domain.PersonSetting;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.web.IfMatch;

/** The caller's language and, per kind of notification, how it reaches them. */
@ApplicationScoped
public class Preferences {

    /** The preferences with the version to send back as If-Match. */
    public record Current(Language language, Map<NoticeKind, Delivery> deliveries, long version) {
    }

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public Current current() {
        String subject = caller.subject();
        PersonSetting setting = PersonSetting.findById(subject);
        Map<NoticeKind, Delivery> deliveries = new EnumMap<>(NoticeKind.class);
        for (NoticeKind kind : NoticeKind.values()) {
            deliveries.put(kind, DeliveryPreference.of(subject, kind));
        }
        return new Current(setting == null ? PersonSetting.DEFAULT_LANGUAGE : setting.language, deliveries,
                setting == null ? 0 : setting.version);
    }

    @Transactional
    public Current change(Language language, Map<NoticeKind, Delivery> deliveries, IfMatch ifMatch) {
        String subject = caller.subject();
        deliveries.forEach((kind, delivery) -> {
            if (kind == null || delivery == null) {
                throw ProblemException.invalidField("deliveries", "Each kind needs IMMEDIATELY, DAILY_DIGEST or OFF.",
                        "通知の種類ごとに IMMEDIATELY、DAILY_DIGEST、OFF のいずれかを指定してください。");
            }
        });
        PersonSetting setting = settingOf(subject);
        ifMatch.requireCurrent(setting.version);
        setting.language = language;
        setting.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        deliveries.forEach((kind, delivery) -> {
            DeliveryPreference preference = DeliveryPreference.findById(new DeliveryPreference.Key(subject, kind));
            if (preference == null) {
                preference = new DeliveryPreference();
                preference.subject = subject;
                preference.kind = kind;
            }
            preference.delivery = delivery;
            preference.persist();
        });
        setting.persistAndFlush();
        // The person's own bookkeeping: audited, but no domain event (nothing downstream depends on it).
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("language", language.name());
        deliveries.forEach((kind, delivery) -> changed.put(kind.name(), delivery.name()));
        audit.record(AuditRecord.of("NotificationPreferences", PersonSetting.auditIdOf(subject), setting.version,
                "preferences-changed").details(changed).unannounced(PersonSetting.OWN_BOOKKEEPING));
        return current();
    }

    /** The caller's settings row, created with the defaults (version 0) the first time. */
    PersonSetting settingOf(String subject) {
        PersonSetting setting = PersonSetting.findById(subject);
        if (setting == null) {
            setting = PersonSetting.defaults(subject, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
            setting.persistAndFlush();
        }
        return setting;
    }
}
