package jp.kyodo.evaluation.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A finding the parties agreed in the mutual review (相互評価), with the improvement it leads to. */
@Entity
@Table(name = "evaluation_finding")
public class Finding extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "round_id")
    public UUID roundId;
    /** The item the finding is about, if any (e.g. a divergent one). */
    @Enumerated(EnumType.STRING)
    public EvaluationItem item;
    public String finding;
    public String improvement;
    @Column(name = "recorded_for")
    public UUID recordedFor;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<Finding> ofRound(UUID roundId) {
        return list("roundId = ?1 order by recordedAt, id", roundId);
    }
}
