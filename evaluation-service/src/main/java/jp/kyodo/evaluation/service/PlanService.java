package jp.kyodo.evaluation.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.Moments;
import jp.kyodo.evaluation.domain.PlanGoal;
import jp.kyodo.evaluation.domain.PlanIndicator;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.events.AgreementSnapshot;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;

/** Creates an agreement's evaluation plan (評価計画) from its targets, exactly once per agreement. */
@ApplicationScoped
public class PlanService {

    private static final Logger LOG = Logger.getLogger(PlanService.class);

    @Inject
    EvaluationEvents events;

    @Inject
    AuditTrail audit;

    /** The agreement's plan: the existing one, or a new one made from the snapshot. */
    @Transactional
    public EvaluationPlan planFor(AgreementSnapshot agreement) {
        return EvaluationPlan.ofAgreement(agreement.agreementId()).map(existing -> {
            LOG.debugf("agreement %s already has plan %s", agreement.agreementId(), existing.id);
            return existing;
        }).orElseGet(() -> create(agreement));
    }

    private EvaluationPlan create(AgreementSnapshot agreement) {
        EvaluationPlan plan = new EvaluationPlan();
        plan.id = UUID.randomUUID();
        plan.agreementId = agreement.agreementId();
        plan.agreementVersion = agreement.version();
        plan.proposalId = agreement.proposalId();
        plan.title = agreement.title();
        plan.field = agreement.field();
        plan.collaborationForm = agreement.collaborationForm();
        plan.activityArea = agreement.activityArea();
        plan.documentVersion = agreement.documentVersion();
        plan.fiscalYears(agreement.fiscalYears() == null ? List.of() : agreement.fiscalYears());
        plan.termStart = agreement.term().start();
        plan.termEnd = agreement.term().end();
        plan.createdAt = Moments.now();
        agreement.parties().forEach(p -> plan.parties.add(new PlanParty(p.organizationId(), p.actorType(), p.name())));
        AgreementSnapshot.Targets targets = agreement.targets();
        if (targets != null) {
            if (targets.indicators() != null) {
                targets.indicators().forEach(i -> plan.indicators
                        .add(new PlanIndicator(i.indicatorId(), i.name(), i.unit(), i.targetValue())));
            }
            if (targets.outcomeGoals() != null) {
                targets.outcomeGoals().forEach(g -> plan.goals.add(new PlanGoal(g.goalId(), g.description())));
            }
            if (targets.satisfactionTarget() != null) {
                plan.satisfactionTargetPercent = targets.satisfactionTarget().targetPercent();
                plan.satisfactionMethod = targets.satisfactionTarget().method();
            }
        }
        plan.persistAndFlush();
        audit.record(AuditRecord.of("EvaluationPlan", plan.id, plan.version, "created")
                .details(Map.of("agreementId", plan.agreementId.toString(), "agreementVersion", plan.agreementVersion)));
        events.planCreated(plan);
        return plan;
    }
}
