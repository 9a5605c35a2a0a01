package jp.kyodo.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something one person was told, in their inbox until they mark it read. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    public String recipient;
    @Enumerated(EnumType.STRING)
    public NoticeKind kind;
    public String dedupeKey;
    public UUID taskId;
    public String titleJa;
    public String titleEn;
    public String link;
    public LocalDate dueOn;
    public UUID organizationId;
    public OffsetDateTime createdAt;
    public OffsetDateTime readAt;
    @Enumerated(EnumType.STRING)
    public Delivery delivery;
    public OffsetDateTime digestedAt;
    @Version
    public long version;

    public String title(Language language) {
        return language == Language.en ? titleEn : titleJa;
    }

    public boolean isRead() {
        return readAt != null;
    }

    /** Marks it read; reading it again keeps the first time. */
    public void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
