package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The screening (審査) of one proposal by a committee of reviewers, in a round of its theme. */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "theme_id")
    public UUID themeId;
    public int round;
    /** Subjects of the committee's reviewers. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reviewers;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "criteria_weights")
    public Map<ScreeningCriterion, Integer> criteriaWeights;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "opened_at")
    public Instant openedAt;
    /** When the committee is asked to have scored by (審査期限). */
    @Column(name = "scores_due_on")
    public java.time.LocalDate scoresDueOn;

    public boolean hasReviewer(String subject) {
        return reviewers.contains(subject);
    }
}
