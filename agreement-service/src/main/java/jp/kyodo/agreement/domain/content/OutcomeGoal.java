package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A qualitative outcome goal (成果目標). */
@Schema(name = "AgreementOutcomeGoal", description = "Qualitative outcome goal (成果目標)")
public record OutcomeGoal(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID goalId,
        @Schema(description = "The outcome sought") @NotBlank @Size(max = 2000) String description) {

    OutcomeGoal withId(UUID id) {
        return new OutcomeGoal(id, description);
    }
}
