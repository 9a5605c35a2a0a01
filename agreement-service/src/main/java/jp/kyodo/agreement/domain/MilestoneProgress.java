package jp.kyodo.agreement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a milestone or reflection point of an agreement in force was reached, and when. */
@Entity
@Table(name = "agreement_milestone_progress")
public class MilestoneProgress extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "milestone_id")
    public UUID milestoneId;
    @Column(name = "reached_on")
    public LocalDate reachedOn;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
