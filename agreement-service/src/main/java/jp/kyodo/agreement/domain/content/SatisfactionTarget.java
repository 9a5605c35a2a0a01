package jp.kyodo.agreement.domain.content;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The beneficiary-satisfaction target (受益者満足度) and how it is measured. */
@Schema(name = "AgreementSatisfactionTarget", description = "Beneficiary-satisfaction target (受益者満足度の目標)")
public record SatisfactionTarget(
        @Schema(description = "Share of satisfied beneficiaries sought, in percent") @NotNull @DecimalMin("0")
        @DecimalMax("100") BigDecimal targetPercent,
        @Schema(description = "How it is measured, e.g. a questionnaire after each event") @NotBlank @Size(max = 1000)
        String method) {
}
