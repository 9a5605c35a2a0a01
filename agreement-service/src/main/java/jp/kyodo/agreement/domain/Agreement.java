package jp.kyodo.agreement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * A collaboration agreement (協働契約・協定書): a working copy the parties negotiate, the versions frozen from it, the
 * version in force and, during an amendment, the version pending. Its state machine lives here.
 */
@Entity
@Table(name = "agreement")
public class Agreement extends PanacheEntityBase {

    public static final ProblemType AMENDMENT_NEEDED = ProblemType.of("amendment-needed", 409,
            "An agreement in force changes only by amendment", "締結済みの協定は変更協定によってのみ変更できます");

    @Id
    public UUID id;
    /** The adopted proposal it came from; null when staff opened it directly. */
    @Column(name = "proposal_id")
    public UUID proposalId;
    public String title;
    @Enumerated(EnumType.STRING)
    public AgreementState state;
    @Enumerated(EnumType.STRING)
    @Column(name = "amendment_state")
    public AmendmentState amendmentState;
    @Column(name = "amendment_reason")
    public String amendmentReason;
    /** Canonical JSON of the content under negotiation. */
    @Column(name = "working_copy")
    public String workingCopy;
    /** Number of the last frozen version; 0 before the first freeze. */
    @Column(name = "latest_version")
    public int latestVersion;
    @Column(name = "version_in_force")
    public Integer versionInForce;
    @Column(name = "pending_version")
    public Integer pendingVersion;
    /** When the parties are asked to have signed the pending version by. */
    @Column(name = "signatures_due_on")
    public LocalDate signaturesDueOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public static Agreement draft(UUID id, UUID proposalId, String title, String workingCopy) {
        Agreement agreement = new Agreement();
        agreement.id = id;
        agreement.proposalId = proposalId;
        agreement.title = title;
        agreement.state = AgreementState.DRAFT;
        agreement.amendmentState = AmendmentState.NONE;
        agreement.workingCopy = workingCopy;
        agreement.createdAt = now();
        agreement.updatedAt = agreement.createdAt;
        return agreement;
    }

    public static Optional<Agreement> ofProposal(UUID proposalId) {
        return find("proposalId", proposalId).firstResultOptional();
    }

    /** Whether the parties are negotiating a working copy now (a draft, or an amendment being drafted). */
    public boolean isNegotiating() {
        return state == AgreementState.DRAFT || (state == AgreementState.ACTIVE && amendmentState == AmendmentState.DRAFTING);
    }

    public boolean isAwaitingSignatures() {
        return state == AgreementState.AWAITING_SIGNATURES
                || (state == AgreementState.ACTIVE && amendmentState == AmendmentState.AWAITING_SIGNATURES);
    }

    public boolean isPublic() {
        return (state == AgreementState.ACTIVE || state == AgreementState.COMPLETED) && versionInForce != null;
    }

    /**
     * Edits the working copy. Editing a frozen version withdraws it from signature and returns to negotiation; its
     * next freeze is a new version.
     */
    public void edit(String newWorkingCopy, String newTitle) {
        switch (state) {
            case DRAFT -> {
            }
            case AWAITING_SIGNATURES -> {
                state = AgreementState.DRAFT;
                pendingVersion = null;
                signaturesDueOn = null;
            }
            case ACTIVE -> {
                if (amendmentState == AmendmentState.NONE) {
                    throw new ProblemException(AMENDMENT_NEEDED, LocalizedText.of(
                            "Start an amendment to change an agreement in force.", "締結済みの協定を変更するには変更協定を開始してください。"));
                }
                amendmentState = AmendmentState.DRAFTING;
                pendingVersion = null;
                signaturesDueOn = null;
            }
            default -> throw ProblemException.invalidTransition(state.name(), AgreementState.DRAFT.name(), List.of());
        }
        workingCopy = newWorkingCopy;
        if (state != AgreementState.ACTIVE) {
            title = newTitle;
        }
        touch();
    }

    /**
     * Freezes the working copy, to be signed by {@code signaturesDueOn}; returns the number of the new version (N, then
     * N+1 after further edits).
     */
    public int freeze(LocalDate signaturesDueOn) {
        if (!isNegotiating()) {
            throw ProblemException.invalidTransition(stateLabel(), AgreementState.AWAITING_SIGNATURES.name(),
                    allowedTransitions());
        }
        latestVersion++;
        pendingVersion = latestVersion;
        this.signaturesDueOn = signaturesDueOn;
        if (state == AgreementState.DRAFT) {
            state = AgreementState.AWAITING_SIGNATURES;
        } else {
            amendmentState = AmendmentState.AWAITING_SIGNATURES;
        }
        touch();
        return latestVersion;
    }

    /** Opens an amendment of the version in force; the working copy starts from that version's content. */
    public void startAmendment(String reason, String contentInForce) {
        if (state != AgreementState.ACTIVE || amendmentState != AmendmentState.NONE) {
            throw ProblemException.invalidTransition(stateLabel(), "ACTIVE/AMENDMENT_DRAFTING", allowedTransitions());
        }
        amendmentState = AmendmentState.DRAFTING;
        amendmentReason = reason;
        workingCopy = contentInForce;
        touch();
    }

    /**
     * A cost report filed, a settlement or a milestone reached under the version in force: the agreement's record
     * changes though its content does not, so the change has a version (and its event) of its own.
     */
    public void progressRecorded() {
        touch();
    }

    /** A file was attached or removed: the record changed, so it has a version (and an event) of its own. */
    public void filesChanged() {
        touch();
    }

    /** Records that a signature arrived (the aggregate changes, so the signed event has its own version). */
    public void signatureAdded() {
        if (!isAwaitingSignatures()) {
            throw ProblemException.invalidTransition(stateLabel(), "SIGNED", allowedTransitions());
        }
        touch();
    }

    /** Every party signed the pending version: it comes into force. Returns the version it replaced, if any. */
    public Integer bringPendingVersionIntoForce() {
        Integer previous = versionInForce;
        versionInForce = pendingVersion;
        pendingVersion = null;
        signaturesDueOn = null;
        state = AgreementState.ACTIVE;
        amendmentState = AmendmentState.NONE;
        amendmentReason = null;
        touch();
        return previous;
    }

    public void complete(String reason) {
        if (state != AgreementState.ACTIVE) {
            throw ProblemException.invalidTransition(stateLabel(), AgreementState.COMPLETED.name(), allowedTransitions());
        }
        end(AgreementState.COMPLETED, reason);
    }

    /**
     * The city refused the version awaiting its decision: an application with nothing in force ends the agreement
     * (REFUSED); a refused amendment is discarded and the version in force stays.
     */
    public void refusePending(String reasons) {
        if (!isAwaitingSignatures()) {
            throw ProblemException.invalidTransition(stateLabel(), AgreementState.REFUSED.name(), allowedTransitions());
        }
        if (versionInForce == null) {
            end(AgreementState.REFUSED, reasons);
        } else {
            amendmentState = AmendmentState.NONE;
            amendmentReason = null;
            pendingVersion = null;
            touch();
        }
    }

    public void terminate(String reason) {
        if (state == AgreementState.COMPLETED || state == AgreementState.TERMINATED || state == AgreementState.REFUSED) {
            throw ProblemException.invalidTransition(stateLabel(), AgreementState.TERMINATED.name(), List.of());
        }
        end(AgreementState.TERMINATED, reason);
    }

    private void end(AgreementState finalState, String reason) {
        state = finalState;
        // An amendment nobody signed dies with the agreement; the version in force stays the record.
        amendmentState = AmendmentState.NONE;
        pendingVersion = null;
        signaturesDueOn = null;
        endReason = reason;
        endedAt = now();
        touch();
    }

    /** The state as people read it, including an amendment in progress. */
    public String stateLabel() {
        return state == AgreementState.ACTIVE && amendmentState != AmendmentState.NONE
                ? state + "/AMENDMENT_" + amendmentState
                : state.name();
    }

    public List<String> allowedTransitions() {
        return switch (state) {
            case DRAFT -> List.of("AWAITING_SIGNATURES", "TERMINATED");
            case AWAITING_SIGNATURES -> List.of("DRAFT", "ACTIVE", "REFUSED", "TERMINATED");
            case ACTIVE -> switch (amendmentState) {
                case NONE -> List.of("AMENDMENT_DRAFTING", "COMPLETED", "TERMINATED");
                case DRAFTING -> List.of("AMENDMENT_AWAITING_SIGNATURES", "COMPLETED", "TERMINATED");
                case AWAITING_SIGNATURES -> List.of("AMENDMENT_DRAFTING", "ACTIVE", "COMPLETED", "TERMINATED");
            };
            case COMPLETED, TERMINATED, REFUSED -> List.of();
        };
    }

    private void touch() {
        updatedAt = now();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
