package jp.kyodo.directory.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read of a talent-bank entry: who, when, which entry. Holds no personal data of the entry itself. */
@Entity
@Table(name = "talent_access_log")
public class TalentAccess extends PanacheEntityBase {

    /** How the entry was read: opened on its own, or shown in search results. */
    @Schema(name = "TalentAccessKind")
    public enum Kind {
        READ, SEARCH
    }

    @Id
    public UUID id;

    @Column(name = "entry_id")
    public UUID entryId;

    public String reader;

    @Enumerated(EnumType.STRING)
    public Kind access;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    public static TalentAccess record(UUID entryId, String reader, Kind kind) {
        TalentAccess access = new TalentAccess();
        access.id = UUID.randomUUID();
        access.entryId = entryId;
        access.reader = reader;
        access.access = kind;
        access.readAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        access.persist();
        return access;
    }
}
