package jp.kyodo.proposal.domain.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One read of a consultation record with its personal data: who, when, which record. */
@Entity
@Table(name = "intake_access_log")
public class IntakeAccess extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "intake_id")
    public UUID intakeId;
    public String reader;
    @Column(name = "read_at")
    public Instant readAt;

    public static void record(UUID intakeId, String reader) {
        IntakeAccess access = new IntakeAccess();
        access.id = UUID.randomUUID();
        access.intakeId = intakeId;
        access.reader = reader;
        access.readAt = Instant.now();
        access.persist();
    }
}
