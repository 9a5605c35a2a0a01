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
    /** The committee the reviewers were drawn from; null when staff named the reviewers one by one. */
    @Column(name = "committee_id")
    public UUID committeeId;
    /** The committee meeting that decided; null before the decision or without a committee. */
    @Column(name = "decided_at_meeting")
    public UUID decidedAtMeeting;
    /** The reviewers whose scores the decision counted (present, without a conflict); null: every reviewer's. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "counted_reviewers")
    public List<String> countedReviewers;

    public boolean hasReviewer(String subject) {
        return reviewers.contains(subject);
    }

    /** The submitted scores the result is computed from: those the decision counted, or all before it. */
    public List<ReviewerScore> counted(List<ReviewerScore> submitted) {
        if (countedReviewers == null) {
            return submitted;
        }
        return submitted.stream().filter(s -> countedReviewers.contains(s.reviewer)).toList();
    }
}
