package jp.kyodo.evaluation.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * The payload of {@code agreement.activated} and {@code agreement.completed} (which adds {@code completedAt}) as
 * agreed between the services; {@code evaluated} says whether the form is evaluated at all. Fields added later by the
 * producer are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgreementSnapshot(
        UUID agreementId,
        long version,
        UUID proposalId,
        String title,
        FieldOfActivity field,
        CollaborationForm collaborationForm,
        ActivityArea activityArea,
        int documentVersion,
        List<Integer> fiscalYears,
        Term term,
        List<Party> parties,
        Targets targets,
        Costs costs,
        Boolean evaluated,
        Instant completedAt) {

    public static final String TOPIC = "kyodo.agreements.v1";

    /**
     * Whether agreement-service's procedure for the form evaluates it (後援 is not evaluated); events from before the
     * flag existed are of evaluated collaborations.
     */
    public boolean isEvaluated() {
        return evaluated == null || evaluated;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Term(LocalDate start, LocalDate end) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(UUID organizationId, ActorType actorType, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Targets(List<Indicator> indicators, List<OutcomeGoal> outcomeGoals, SatisfactionTarget satisfactionTarget) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Indicator(UUID indicatorId, String name, String unit, BigDecimal targetValue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutcomeGoal(UUID goalId, String description) {
    }

    /** The money of the version in force; absent from events written before agreement-service carried it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Costs(long totalYen, long cityShareYen, long partnerShareYen, List<YearCosts> byFiscalYear) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record YearCosts(int fiscalYear, long cityShareYen, long partnerShareYen) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SatisfactionTarget(BigDecimal targetPercent, String method) {
    }
}
