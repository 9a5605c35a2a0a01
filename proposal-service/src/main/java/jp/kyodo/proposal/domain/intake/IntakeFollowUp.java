package jp.kyodo.proposal.domain.intake;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A follow-up of a consultation (経過記録): what was done or said, never edited. */
@Entity
@Table(name = "intake_follow_up")
public class IntakeFollowUp extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "intake_id")
    public UUID intakeId;
    public String note;
    @Column(name = "consent_renewed")
    public boolean consentRenewed;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "acting_for")
    public UUID actingFor;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
