package jp.kyodo.agreement.domain.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the evaluation will measure: indicators, outcome goals and the satisfaction target. */
@Schema(name = "AgreementTargets", description = "Measurable targets (目標) carried into the evaluation")
public record Targets(
        @Schema(description = "Activity indicators (活動指標)", nullable = true) List<@Valid @NotNull Indicator> indicators,
        @Schema(description = "Qualitative outcome goals (成果目標)", nullable = true) List<@Valid @NotNull OutcomeGoal> outcomeGoals,
        @Schema(description = "Beneficiary-satisfaction target (受益者満足度); may be absent", nullable = true) @Valid
        SatisfactionTarget satisfactionTarget) {

    public Targets {
        indicators = indicators == null ? List.of() : indicators;
        outcomeGoals = outcomeGoals == null ? List.of() : outcomeGoals;
    }

    public static Targets none() {
        return new Targets(List.of(), List.of(), null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return indicators.isEmpty() && outcomeGoals.isEmpty() && satisfactionTarget == null;
    }
}
