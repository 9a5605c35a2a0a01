package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.ProblemException;

/**
 * A proposal for a collaboration (協働事業提案), from its draft to the decision. State changes go through
 * {@link #moveTo}, which refuses what the procedure does not allow.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ProposalStatus status;
    @Enumerated(EnumType.STRING)
    public ProposalOrigin origin;
    @Column(name = "theme_id")
    public UUID themeId;
    @JdbcTypeCode(SqlTypes.JSON)
    public ProposalContent content;
    /** Number of the latest published version; 0 while a draft. */
    public int revision;
    @Column(name = "fiscal_year")
    public Integer fiscalYear;
    @Column(name = "reference_number")
    public String referenceNumber;
    @Column(name = "consent_to_case_archive")
    public Boolean consentToCaseArchive;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_rationale")
    public String decisionRationale;
    @Column(name = "closing_reason")
    public String closingReason;
    /** The sharing of the draft before submission (事前相談); null unless shared. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pre_submission")
    public PreSubmission preSubmission;
    @Version
    public long version;
    /** When the department is asked to reply to the submission by (take it into consultation or close it). */
    @Column(name = "reply_due_on")
    public LocalDate replyDueOn;

    public static Proposal require(UUID id) {
        return found(findById(id));
    }

    /** The proposal locked for a change that must see every earlier one (reviewers and parties write at once). */
    public static Proposal requireForUpdate(UUID id) {
        return found(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Proposal found(Proposal proposal) {
        if (proposal == null) {
            throw ProblemException.notFound("No such proposal.", "提案が見つかりません。");
        }
        return proposal;
    }

    /**
     * A comment or a reviewer's scores add to the proposal's record without changing its own columns: the change still
     * makes a new version, so that its event has one of its own. Needs the row locked ({@link #requireForUpdate}).
     */
    public void countChange() {
        getEntityManager().lock(this, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }

    /** Changes the state if the procedure allows it; 409 naming the allowed next states otherwise. */
    public ProposalStatus moveTo(ProposalStatus target) {
        if (!status.canMoveTo(target)) {
            throw ProblemException.invalidTransition(status.name(), target.name(), status.nextNames());
        }
        ProposalStatus from = status;
        status = target;
        return from;
    }

    public boolean isProposer(UUID organizationId) {
        return content.isProposer(organizationId);
    }

    public UUID departmentId() {
        return content.departmentId();
    }
}
