package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A contribution in kind (現物・役務の提供): premises, equipment, volunteers' time. */
@Schema(name = "AgreementInKindContribution", description = "A contribution in kind (現物・役務の提供)")
public record InKindContribution(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID contributionId,
        @Schema(description = "The contributing party") @NotNull UUID organizationId,
        @Schema(description = "What is contributed") @NotBlank @Size(max = 1000) String description,
        @Schema(description = "Estimated value in whole yen, if stated", nullable = true) @PositiveOrZero Long estimatedValueYen) {

    InKindContribution withId(UUID id) {
        return new InKindContribution(id, organizationId, description, estimatedValueYen);
    }
}
