package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgreementTransitionWithReasonRequest", description = "A change of state that needs a reason: amendment, completion, termination")
public record ReasonedRequest(
        @Schema(description = "The party (organisation) the caller acts for") @NotNull UUID actingFor,
        @Schema(description = "Why (理由)") @NotBlank @Size(max = 4000) String reason) {
}
