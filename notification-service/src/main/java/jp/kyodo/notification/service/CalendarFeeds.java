package jp.kyodo.notification.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.notification.domain.CalendarFeed;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.PersonSetting;
import jp.kyodo.notification.domain.Task;
import jp.kyodo.notification.domain.TaskState;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.web.IfMatch;

/**
 * Personal calendar feeds: a secret URL per person (256 random bits; only its SHA-256 is stored, so the database does
 * not hold usable URLs), rotated on request, which invalidates the previous one. The feed lists the person's open,
 * dated tasks, found as the task list finds them, with the roles the person had when they last rotated it.
 */
@ApplicationScoped
public class CalendarFeeds {

    public static final String FEED_PATH = "/api/notifications/calendar-feeds/";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_ENTRIES = 500;

    @Inject
    Caller caller;

    @Inject
    Preferences preferences;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    MyTasks myTasks;

    @Inject
    Addressees addressees;

    @Inject
    People people;

    @ConfigProperty(name = "kyodo.notifications.feed-base")
    String feedBase;

    @ConfigProperty(name = "kyodo.notifications.link-base")
    String linkBase;

    public record Status(boolean active, long version) {
    }

    public Status status() {
        PersonSetting setting = PersonSetting.findById(caller.subject());
        return setting == null ? new Status(false, 0) : new Status(setting.calendarSecretHash != null, setting.version);
    }

    /** Makes a new secret URL (the old one stops working) and returns it: the only time it is shown. */
    @Transactional
    public String rotate(IfMatch ifMatch) {
        PersonSetting setting = preferences.settingOf(caller.subject());
        ifMatch.requireCurrent(setting.version);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        boolean replaced = setting.calendarSecretHash != null;
        setting.calendarSecretHash = hash(token);
        setting.updatedAt = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        setting.persistAndFlush();
        // Neither the secret nor its hash: the trail says only that the address changed.
        audit.record(AuditRecord.of("CalendarFeed", PersonSetting.auditIdOf(setting.subject), setting.version,
                "calendar-feed-rotated").details(Map.of("previousRevoked", replaced))
                .unannounced(PersonSetting.OWN_BOOKKEEPING));
        return feedBase + FEED_PATH + token + ".ics";
    }

    /** The feed behind a secret; 404 for a secret that is not (or no longer) anyone's. */
    @Transactional
    public String feed(String token) {
        String secret = token.endsWith(".ics") ? token.substring(0, token.length() - 4) : token;
        Optional<PersonSetting> owner = secret.matches("^[A-Za-z0-9_-]{43}$")
                ? PersonSetting.find("calendarSecretHash", hash(secret)).firstResultOptional()
                : Optional.empty();
        if (owner.isEmpty()) {
            throw ProblemException.notFound("No such calendar feed.", "該当するカレンダーはありません。");
        }
        Language language = owner.get().language;
        String subject = owner.get().subject;
        var roles = people.person(subject).map(People.Person::realmRoles).orElse(java.util.Set.of());
        List<Task> tasks = myTasks.list(addressees.scopeOf(subject, roles::contains), TaskState.OPEN, null, null, null,
                MAX_ENTRIES);
        List<CalendarFeed.Entry> entries = tasks.stream().filter(t -> t.dueOn != null)
                .map(t -> new CalendarFeed.Entry(t.id + "@kyodo", t.dueOn, t.title(language),
                        language == Language.ja ? "期限：" + t.dueOn : "Due " + t.dueOn, linkBase + t.link))
                .toList();
        return CalendarFeed.write(language == Language.ja ? "協働 期限" : "kyodo due dates", entries, clock.instant());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
