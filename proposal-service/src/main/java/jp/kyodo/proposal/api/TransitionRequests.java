package jp.kyodo.proposal.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the state changes of a proposal. */
public final class TransitionRequests {

    private TransitionRequests() {
    }

    @Schema(name = "SubmissionRequest", description = "Submission (提出) of a draft")
    public record Submission(
            @Schema(description = "The proposing organisation the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "Consent to keep the proposal, if it does not lead to collaboration, as a consultation "
                    + "case (相談案件) naming the proposers; without it the case is kept with their identity removed") @NotNull Boolean consentToCaseArchive) {
    }

    @Schema(name = "ProposalTransitionRequest", description = "A state change naming the organisation the caller acts for")
    public record ActingFor(@Schema(description = "The organisation (department) the caller acts for") @NotNull UUID actingFor) {
    }

    @Schema(name = "ProposalTransitionWithReasonRequest", description = "A state change with its reason")
    public record Reasoned(
            @Schema(description = "The organisation the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "Why (理由)") @NotBlank @Size(max = 4000) String reason) {
    }
}
