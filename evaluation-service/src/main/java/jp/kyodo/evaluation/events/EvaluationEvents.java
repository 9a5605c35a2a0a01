package jp.kyodo.evaluation.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.SealedAssessment;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;

/**
 * The events of {@code kyodo.evaluations.v1}. Plan events are keyed by the plan, round events by the round. Before
 * publication no event carries a score: a submission only says who submitted and how many have.
 */
@ApplicationScoped
public class EvaluationEvents {

    public static final String TOPIC = "kyodo.evaluations.v1";
    public static final String PLAN_CREATED = EventTypes.of("evaluation.plan-created");
    public static final String ROUND_OPENED = EventTypes.of("evaluation.round-opened");
    public static final String SELF_ASSESSMENT_SUBMITTED = EventTypes.of("evaluation.self-assessment-submitted");
    public static final String ROUND_IN_REVIEW = EventTypes.of("evaluation.round-in-review");
    public static final String FINDING_RECORDED = EventTypes.of("evaluation.finding-recorded");
    public static final String ROUND_CLOSED = EventTypes.of("evaluation.round-closed");
    public static final String THIRD_PARTY_ASSESSED = EventTypes.of("evaluation.third-party-assessed");
    public static final String PUBLISHED = EventTypes.of("evaluation.published");
    public static final String ATTACHMENT_ADDED = EventTypes.of("evaluation.attachment-added");
    public static final String ATTACHMENT_REMOVED = EventTypes.of("evaluation.attachment-removed");

    public record PlanCreated(UUID planId, long version, UUID agreementId, long agreementVersion, UUID proposalId,
            String title, FieldOfActivity field, CollaborationForm collaborationForm, ActivityArea activityArea,
            int documentVersion, List<Integer> fiscalYears, Term term, List<Party> parties, List<Indicator> indicators,
            List<OutcomeGoal> outcomeGoals, SatisfactionTarget satisfactionTarget, OffsetDateTime createdAt) {
    }

    public record Term(LocalDate start, LocalDate end) {
    }

    public record Party(UUID organizationId, ActorType actorType) {
    }

    public record Indicator(UUID indicatorId, String name, String unit, BigDecimal targetValue) {
    }

    public record OutcomeGoal(UUID goalId, String description) {
    }

    public record SatisfactionTarget(BigDecimal targetPercent, String method) {
    }

    public record RoundOpened(UUID roundId, long version, UUID planId, UUID agreementId, RoundKind kind, int fiscalYear,
            RoundStatus status, List<UUID> partyIds, OffsetDateTime openedAt) {
    }

    public record SelfAssessmentSubmitted(UUID roundId, long version, UUID planId, UUID agreementId, UUID organizationId,
            OffsetDateTime submittedAt, int submittedCount, int partyCount) {
    }

    public record RoundInReview(UUID roundId, long version, UUID planId, UUID agreementId, RoundStatus status,
            OffsetDateTime inReviewAt) {
    }

    /** Which party recorded a finding on which item; what the parties found is published with the round. */
    public record FindingRecorded(UUID roundId, long version, UUID planId, UUID agreementId, UUID findingId,
            @JsonInclude(JsonInclude.Include.NON_NULL) EvaluationItem item, UUID recordedFor, int findingCount,
            OffsetDateTime recordedAt) {
    }

    /** That the committee assessed the round; its opinion is published with the round. */
    public record ThirdPartyAssessed(UUID roundId, long version, UUID planId, UUID agreementId, String committee,
            OffsetDateTime assessedAt) {
    }

    public record RoundClosed(UUID roundId, long version, UUID planId, UUID agreementId, RoundStatus status,
            OffsetDateTime closedAt, int findingCount) {
    }

    @Inject
    Outbox outbox;

    public void planCreated(EvaluationPlan plan) {
        plan.flush();
        outbox.publish(new DomainEvent(TOPIC, PLAN_CREATED, plan.id, plan.version, new PlanCreated(plan.id, plan.version,
                plan.agreementId, plan.agreementVersion, plan.proposalId, plan.title, plan.field, plan.collaborationForm,
                plan.activityArea, plan.documentVersion, plan.fiscalYears(), new Term(plan.termStart, plan.termEnd),
                plan.parties.stream().map(p -> new Party(p.organizationId, p.actorType)).toList(),
                plan.indicators.stream().map(i -> new Indicator(i.indicatorId, i.name, i.unit, i.targetValue)).toList(),
                plan.goals.stream().map(g -> new OutcomeGoal(g.goalId, g.description)).toList(),
                plan.satisfactionTargetPercent == null ? null
                        : new SatisfactionTarget(plan.satisfactionTargetPercent, plan.satisfactionMethod),
                plan.createdAt)));
    }

    public void roundOpened(EvaluationPlan plan, EvaluationRound round) {
        round.flush();
        outbox.publish(new DomainEvent(TOPIC, ROUND_OPENED, round.id, round.version, new RoundOpened(round.id,
                round.version, plan.id, plan.agreementId, round.kind, round.fiscalYear, round.status, plan.partyIds(),
                round.openedAt)));
    }

    /** Who submitted and how many have; never the scores. */
    public void selfAssessmentSubmitted(EvaluationPlan plan, EvaluationRound round, UUID organizationId,
            OffsetDateTime submittedAt) {
        round.flush();
        outbox.publish(new DomainEvent(TOPIC, SELF_ASSESSMENT_SUBMITTED, round.id, round.version,
                new SelfAssessmentSubmitted(round.id, round.version, plan.id, plan.agreementId, organizationId,
                        submittedAt, round.submittedCount, plan.parties.size())));
    }

    public void roundInReview(EvaluationPlan plan, EvaluationRound round) {
        round.flush();
        outbox.publish(new DomainEvent(TOPIC, ROUND_IN_REVIEW, round.id, round.version, new RoundInReview(round.id,
                round.version, plan.id, plan.agreementId, round.status, round.inReviewAt)));
    }

    public void findingRecorded(EvaluationPlan plan, EvaluationRound round, Finding finding, int findingCount) {
        outbox.publish(new DomainEvent(TOPIC, FINDING_RECORDED, round.id, round.version, new FindingRecorded(round.id,
                round.version, plan.id, plan.agreementId, finding.id, finding.item, finding.recordedFor, findingCount,
                finding.recordedAt)));
    }

    public void thirdPartyAssessed(EvaluationPlan plan, EvaluationRound round, ThirdPartyAssessment assessment) {
        outbox.publish(new DomainEvent(TOPIC, THIRD_PARTY_ASSESSED, round.id, round.version, new ThirdPartyAssessed(
                round.id, round.version, plan.id, plan.agreementId, assessment.committee, assessment.assessedAt)));
    }

    public void roundClosed(EvaluationPlan plan, EvaluationRound round, int findingCount) {
        round.flush();
        outbox.publish(new DomainEvent(TOPIC, ROUND_CLOSED, round.id, round.version, new RoundClosed(round.id,
                round.version, plan.id, plan.agreementId, round.status, round.closedAt, findingCount)));
    }

    /** The result with its scores, which only a published round may announce. */
    public void published(EvaluationRound round, RoundResult result) {
        if (!SealedAssessment.mayCarryScoresInEvents(round)) {
            throw new IllegalStateException("scores of round " + round.id + " are sealed until it is published");
        }
        outbox.publish(new DomainEvent(TOPIC, PUBLISHED, round.id, round.version, result));
    }

    /** A file attached to or removed from a round (its kind, size, type and hash; never its name or content). */
    public void attachmentAdded(AttachmentEvent payload) {
        outbox.publish(new DomainEvent(TOPIC, ATTACHMENT_ADDED, payload.aggregateId(), payload.version(), payload));
    }

    public void attachmentRemoved(AttachmentEvent payload) {
        outbox.publish(new DomainEvent(TOPIC, ATTACHMENT_REMOVED, payload.aggregateId(), payload.version(), payload));
    }
}
