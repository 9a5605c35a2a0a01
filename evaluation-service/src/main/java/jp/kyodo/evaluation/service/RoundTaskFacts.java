package jp.kyodo.evaluation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.RoundTasks;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Sets each step's due date on the round (shown in its view) and publishes the round's task facts in the transaction of
 * the change: self-assessments when it opens, the mutual review when every party submitted, publication once closed,
 * and then the third-party assessment for the kinds of round the city asks it for.
 */
@ApplicationScoped
public class RoundTaskFacts {

    @Inject
    TaskPublisher tasks;

    @Inject
    Clock clock;

    @ConfigProperty(name = "kyodo.evaluations.due.self-assessment", defaultValue = "P30D")
    Period selfAssessmentPeriod;

    @ConfigProperty(name = "kyodo.evaluations.due.review", defaultValue = "P30D")
    Period reviewPeriod;

    @ConfigProperty(name = "kyodo.evaluations.due.publication", defaultValue = "P30D")
    Period publicationPeriod;

    /** How long the committee has for its third-party assessment of a closed round (default 21 days). */
    @ConfigProperty(name = "kyodo.evaluations.due.third-party-assessment", defaultValue = "P21D")
    Period thirdPartyPeriod;

    /** The kinds of round the committee is asked to assess (FINAL by default; empty: never asked, it stays optional). */
    @ConfigProperty(name = "kyodo.evaluations.third-party-assessment.asked-for")
    Optional<Set<RoundKind>> thirdPartyAskedFor;

    public void opened(EvaluationPlan plan, EvaluationRound round) {
        round.stepDueOn = dueAfter(selfAssessmentPeriod);
        RoundTasks.selfAssessments(plan, round, round.stepDueOn).forEach(tasks::opened);
    }

    public void submitted(EvaluationRound round, UUID party) {
        tasks.completed(RoundTasks.selfAssessment(round, party));
    }

    public void inReview(EvaluationPlan plan, EvaluationRound round) {
        round.stepDueOn = dueAfter(reviewPeriod);
        tasks.opened(RoundTasks.reviewTask(plan, round, round.stepDueOn));
    }

    public void closed(EvaluationPlan plan, EvaluationRound round) {
        tasks.completed(RoundTasks.review(round, RoundTasks.departmentOf(plan)));
        round.stepDueOn = dueAfter(publicationPeriod);
        tasks.opened(RoundTasks.publicationTask(plan, round, round.stepDueOn));
        if (thirdPartyAskedFor.orElse(Set.of()).contains(round.kind)) {
            round.thirdPartyDueOn = dueAfter(thirdPartyPeriod);
            tasks.opened(RoundTasks.thirdPartyAssessmentTask(plan, round, round.thirdPartyDueOn));
        }
    }

    public void assessedAsThirdParty(EvaluationRound round) {
        if (round.thirdPartyDueOn != null) {
            round.thirdPartyDueOn = null;
            tasks.completed(RoundTasks.thirdPartyAssessment(round));
        }
    }

    public void published(EvaluationPlan plan, EvaluationRound round) {
        round.stepDueOn = null;
        tasks.completed(RoundTasks.publication(round, RoundTasks.departmentOf(plan)));
        if (round.thirdPartyDueOn != null) {
            round.thirdPartyDueOn = null;
            tasks.cancelled(RoundTasks.thirdPartyAssessment(round), "PUBLISHED_WITHOUT_IT");
        }
    }

    private LocalDate dueAfter(Period period) {
        return OfficeCalendar.dueOn(LocalDate.now(clock.withZone(FiscalYear.CITY_ZONE)), period);
    }
}
