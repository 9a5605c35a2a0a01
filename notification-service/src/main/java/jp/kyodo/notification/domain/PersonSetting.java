package jp.kyodo.notification.domain;

import java.time.OffsetDateTime;

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

    @Id
    public String subject;
    @Enumerated(EnumType.STRING)
    public Language language;
    public String calendarSecretHash;
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public static PersonSetting defaults(String subject, OffsetDateTime now) {
        PersonSetting setting = new PersonSetting();
        setting.subject = subject;
        setting.language = DEFAULT_LANGUAGE;
        setting.updatedAt = now;
        return setting;
    }
}
