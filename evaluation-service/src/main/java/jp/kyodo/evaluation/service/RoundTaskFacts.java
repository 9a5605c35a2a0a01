package jp.kyodo.evaluation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.RoundTasks;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Sets each step's due date on the round (shown in its view) and publishes the round's task facts in the transaction of
 * the change: self-assessments when it opens, the mutual review when every party submitted, publication once closed.
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
    }

    public void published(EvaluationPlan plan, EvaluationRound round) {
        round.stepDueOn = null;
        tasks.completed(RoundTasks.publication(round, RoundTasks.departmentOf(plan)));
    }

    private LocalDate dueAfter(Period period) {
        return OfficeCalendar.dueOn(LocalDate.now(clock.withZone(FiscalYear.CITY_ZONE)), period);
    }
}
