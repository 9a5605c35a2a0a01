package jp.kyodo.evaluation.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.ProblemException;

/** One evaluation round of a plan and its state machine: OPEN → IN_REVIEW → CLOSED → PUBLISHED. */
@Entity
@Table(name = "evaluation_round")
public class EvaluationRound extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "plan_id")
    public UUID planId;
    @Enumerated(EnumType.STRING)
    public RoundKind kind;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Enumerated(EnumType.STRING)
    public RoundStatus status;
    @Column(name = "opened_at")
    public OffsetDateTime openedAt;
    @Column(name = "in_review_at")
    public OffsetDateTime inReviewAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    /** How many parties have submitted; counted on the round so that each submission is a new round version. */
    @Column(name = "submitted_count")
    public int submittedCount;
    /** The due date of the step the round waits for (self-assessments, mutual review, publication); null once published. */
    @Column(name = "step_due_on")
    public java.time.LocalDate stepDueOn;
    /** The date by which the committee is asked for its third-party assessment of the CLOSED round; null otherwise. */
    @Column(name = "third_party_due_on")
    public java.time.LocalDate thirdPartyDueOn;
    @Version
    public long version;

    public static EvaluationRound open(EvaluationPlan plan, RoundKind kind, int fiscalYear) {
        EvaluationRound round = new EvaluationRound();
        round.id = UUID.randomUUID();
        round.planId = plan.id;
        round.kind = kind;
        round.fiscalYear = fiscalYear;
        round.status = RoundStatus.OPEN;
        round.openedAt = now();
        round.submittedCount = 0;
        return round;
    }

    /** Counts a party's submission; each one is a new version of the round. */
    public void recordSubmission() {
        requireStatus(RoundStatus.OPEN, RoundStatus.IN_REVIEW);
        submittedCount++;
    }

    /** The mutual review begins once every party has submitted; true when it began now. */
    public boolean startReviewWhenAllSubmitted(int partyCount) {
        if (status != RoundStatus.OPEN || submittedCount < partyCount) {
            return false;
        }
        moveTo(RoundStatus.IN_REVIEW);
        inReviewAt = now();
        return true;
    }

    /**
     * A finding or the third-party assessment adds to the round's record without changing its own columns: the change
     * still makes a new version, so that its event has one of its own. Needs the row locked (as for every write).
     */
    public void countChange() {
        getEntityManager().lock(this, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    public void close() {
        moveTo(RoundStatus.CLOSED);
        closedAt = now();
    }

    public void publish() {
        moveTo(RoundStatus.PUBLISHED);
        publishedAt = now();
    }

    /** 409 with the allowed transitions unless the round is in {@code expected}. */
    public void requireStatus(RoundStatus expected, RoundStatus wanted) {
        if (status != expected) {
            throw ProblemException.invalidTransition(status.name(), wanted.name(),
                    status.allowedNext().stream().map(Enum::name).toList());
        }
    }

    private void moveTo(RoundStatus next) {
        if (!status.allowedNext().contains(next)) {
            throw ProblemException.invalidTransition(status.name(), next.name(),
                    status.allowedNext().stream().map(Enum::name).toList());
        }
        status = next;
    }

    private static OffsetDateTime now() {
        return Moments.now();
    }
}
