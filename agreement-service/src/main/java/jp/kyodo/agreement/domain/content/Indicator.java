package jp.kyodo.agreement.domain.content;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activity indicator (活動指標) with its target value and unit, measured later by the evaluation. */
@Schema(name = "AgreementIndicator", description = "Activity indicator (活動指標) with target value and unit")
public record Indicator(
        @Schema(description = "Id; assigned by the service when absent", nullable = true) UUID indicatorId,
        @Schema(description = "What is counted, e.g. workshop participants") @NotBlank @Size(max = 500) String name,
        @Schema(description = "Unit, e.g. 人, 回") @NotBlank @Size(max = 50) String unit,
        @Schema(description = "Target value") @NotNull @DecimalMin("0") BigDecimal targetValue) {

    Indicator withId(UUID id) {
        return new Indicator(id, name, unit, targetValue);
    }
}
