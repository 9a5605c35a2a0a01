package jp.kyodo.notification.domain;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's language and calendar feed; created with defaults the first time they are needed. */
@Entity
@Table(name = "person_setting")
public class PersonSetting extends PanacheEntityBase {

    public static final Language DEFAULT_LANGUAGE = Language.ja;

    /** Why a person's settings and read marks are audited but announced by no event: nothing downstream needs them. */
    public static final String OWN_BOOKKEEPING = "a person's own bookkeeping, of no concern to any other service";

    @Id
    public String subject;
    @Enumerated(EnumType.STRING)
    public Language language;
    public String calendarSecretHash;
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    /**
     * The id under which a person's own bookkeeping (preferences, inbox, calendar feed) is kept in the audit trail: a
     * name-based UUID of the subject, which is the identity provider's string and need not be a UUID.
     */
    public static UUID auditIdOf(String subject) {
        return UUID.nameUUIDFromBytes(("kyodo-person|" + subject).getBytes(StandardCharsets.UTF_8));
    }

    public static PersonSetting defaults(String subject, OffsetDateTime now) {
        PersonSetting setting = new PersonSetting();
        setting.subject = subject;
        setting.language = DEFAULT_LANGUAGE;
        setting.updatedAt = now;
        return setting;
    }
}
