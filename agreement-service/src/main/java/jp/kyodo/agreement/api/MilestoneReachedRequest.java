package jp.kyodo.agreement.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A milestone or reflection point (振り返り) was reached")
public record MilestoneReachedRequest(
        @Schema(description = "The party recording it") @NotNull UUID actingFor,
        @Schema(description = "Day it was reached") @NotNull LocalDate reachedOn,
        @Schema(description = "Note, e.g. what the reflection found") @Size(max = 4000) String note) {
}
