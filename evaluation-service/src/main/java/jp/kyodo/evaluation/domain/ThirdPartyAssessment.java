package jp.kyodo.evaluation.domain;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The committee's assessment of a closed round (第三者評価), kept apart from the parties' own scores. */
@Entity
@Table(name = "third_party_assessment")
public class ThirdPartyAssessment extends PanacheEntityBase {

    @Id
    @Column(name = "round_id")
    public UUID roundId;
    public String committee;
    public String opinion;
    @Column(name = "project_opinion")
    public String projectOpinion;
    @Column(name = "collaboration_opinion")
    public String collaborationOpinion;
    public String recommendations;
    @Column(name = "assessed_by")
    public String assessedBy;
    @Column(name = "assessed_at")
    public OffsetDateTime assessedAt;

    public static Optional<ThirdPartyAssessment> ofRound(UUID roundId) {
        return findByIdOptional(roundId);
    }
}
