package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reviewer's submitted scores of one proposal, one per criterion. Submitted once, never changed. */
@Entity
@Table(name = "reviewer_score")
public class ReviewerScore extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "proposal_id")
    public UUID proposalId;
    public String reviewer;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CriterionScore> scores;
    @Column(name = "submitted_at")
    public Instant submittedAt;

    public static List<ReviewerScore> of(UUID proposalId) {
        return list("proposalId = ?1 order by submittedAt, id", proposalId);
    }

    public static boolean submitted(UUID proposalId, String reviewer) {
        return count("proposalId = ?1 and reviewer = ?2", proposalId, reviewer) > 0;
    }
}
