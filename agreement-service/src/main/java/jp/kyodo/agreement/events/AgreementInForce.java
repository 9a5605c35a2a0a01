package jp.kyodo.agreement.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * Payload of agreement.activated, agreement.amended and agreement.completed: the version in force as the
 * evaluation needs it (contract 3 between agreement-service and evaluation-service). {@code evaluated} says whether
 * the form is evaluated at all (後援 is not: no plan is made for it); {@code expectedSteps} lists what the form's
 * procedure expects next and by when. {@code completedAt} appears only in agreement.completed and
 * {@code previousDocumentVersion} only in agreement.amended.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AgreementInForce(
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
        List<PartyRef> parties,
        Targets targets,
        Costs costs,
        boolean evaluated,
        List<ExpectedStep> expectedSteps,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer previousDocumentVersion) {

    public record Term(LocalDate start, LocalDate end) {
    }

    public record PartyRef(UUID organizationId, ActorType actorType, String name) {
    }

    public record Targets(List<Indicator> indicators, List<OutcomeGoal> outcomeGoals,
            SatisfactionTarget satisfactionTarget) {
    }

    public record Indicator(UUID indicatorId, String name, String unit, BigDecimal targetValue) {
    }

    public record OutcomeGoal(UUID goalId, String description) {
    }

    public record SatisfactionTarget(BigDecimal targetPercent, String method) {
    }

    /** The money of the version in force: the city's share (what its departments bear) and the partners'. */
    public record Costs(long totalYen, long cityShareYen, long partnerShareYen, List<YearCosts> byFiscalYear) {

        static Costs of(AgreementContent content) {
            CostTotals totals = CostTotals.of(content);
            List<YearCosts> years = new java.util.ArrayList<>();
            for (int year : totals.fiscalYears()) {
                long all = totals.perPartyAndYear().values().stream().mapToLong(m -> m.getOrDefault(year, 0L)).sum();
                long city = totals.cityShareIn(year);
                years.add(new YearCosts(year, city, all - city));
            }
            return new Costs(totals.totalYen(), totals.cityShareYen(), totals.totalYen() - totals.cityShareYen(), years);
        }
    }

    public record YearCosts(int fiscalYear, long cityShareYen, long partnerShareYen) {
    }

    /** A step a track of the form's procedure expects: which, by whom, by when (no date: no deadline). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExpectedStep(TrackKind trackKind, String trackKey, String step, ProcedureTrack.Actor actor,
            LocalDate dueOn) {
    }

    public static AgreementInForce of(Agreement agreement, AgreementContent content, int documentVersion,
            boolean evaluated, List<ProcedureTrack> tracks) {
        var targets = content.targets();
        return new AgreementInForce(agreement.id, agreement.version, agreement.proposalId, content.title(),
                content.field(), content.form(), content.activityArea(), documentVersion, content.term().fiscalYears(),
                new Term(content.term().start(), content.term().end()),
                content.parties().stream().map(p -> new PartyRef(p.organizationId(), p.actorType(), p.name())).toList(),
                new Targets(
                        targets.indicators().stream()
                                .map(i -> new Indicator(i.indicatorId(), i.name(), i.unit(), i.targetValue())).toList(),
                        targets.outcomeGoals().stream().map(g -> new OutcomeGoal(g.goalId(), g.description())).toList(),
                        targets.satisfactionTarget() == null ? null
                                : new SatisfactionTarget(targets.satisfactionTarget().targetPercent(),
                                        targets.satisfactionTarget().method())),
                Costs.of(content),
                evaluated,
                tracks.stream().filter(t -> t.nextStep != null).map(t -> new ExpectedStep(t.kind, t.trackKey, t.nextStep,
                        ProcedureTrack.Actor.valueOf(t.nextActor), t.dueOn)).toList(),
                null, null);
    }

    public AgreementInForce completedAt(Instant when) {
        return new AgreementInForce(agreementId, version, proposalId, title, field, collaborationForm, activityArea,
                documentVersion, fiscalYears, term, parties, targets, costs, evaluated, List.of(), when, null);
    }

    public AgreementInForce replacing(Integer previous) {
        return new AgreementInForce(agreementId, version, proposalId, title, field, collaborationForm, activityArea,
                documentVersion, fiscalYears, term, parties, targets, costs, evaluated, expectedSteps, null, previous);
    }
}
