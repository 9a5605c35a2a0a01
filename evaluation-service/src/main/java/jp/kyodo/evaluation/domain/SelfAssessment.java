package jp.kyodo.evaluation.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One party's own assessment of both tracks in a round (自己評価). Written once, by a member of that party; no
 * one can change it afterwards. Who may read its scores is decided by {@link SealedAssessment}.
 */
@Entity
@Table(name = "self_assessment")
public class SelfAssessment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "round_id")
    public UUID roundId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_assessment_score", joinColumns = @JoinColumn(name = "self_assessment_id"))
    @OrderColumn(name = "position")
    public List<ItemScore> scores = new ArrayList<>();

    public static List<SelfAssessment> ofRound(UUID roundId) {
        return list("roundId = ?1 order by submittedAt, id", roundId);
    }

    public static Optional<SelfAssessment> of(UUID roundId, UUID organizationId) {
        return find("roundId = ?1 and organizationId = ?2", roundId, organizationId).firstResultOptional();
    }

    public List<ItemScore> scoresOf(Track track) {
        return scores.stream().filter(s -> s.item.track() == track).toList();
    }

    public Optional<ItemScore> scoreOf(ItemKey key) {
        return scores.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
