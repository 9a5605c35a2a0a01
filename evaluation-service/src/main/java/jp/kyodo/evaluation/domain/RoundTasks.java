package jp.kyodo.evaluation.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;

/**
 * What an evaluation round waits for, by its rules: while OPEN every party's own self-assessment (自己評価, one each); in
 * the mutual review (相互評価) the parties' agreed findings and the closing, led by the department; once CLOSED the
 * department's publication (公表) and, where the city asks for one, the committee's third-party assessment (第三者評価):
 * any reviewer may give it except one belonging to a party ({@link ConflictOfInterestPolicy}), so the task goes to the
 * realm role with the parties named as conflicted.
 */
public final class RoundTasks {

    public static final String AGGREGATE = "evaluation-round";
    public static final String SELF_ASSESS = "SUBMIT_SELF_ASSESSMENT";
    public static final String CLOSE_REVIEW = "CLOSE_MUTUAL_REVIEW";
    public static final String PUBLISH = "PUBLISH_EVALUATION";
    public static final String ASSESS_AS_THIRD_PARTY = "ASSESS_AS_THIRD_PARTY";

    private RoundTasks() {
    }

    public static TaskRef selfAssessment(EvaluationRound round, UUID party) {
        return TaskRef.of(AGGREGATE, round.id, SELF_ASSESS, TaskAddressee.organization(party)).fiscalYear(round.fiscalYear);
    }

    public static TaskRef review(EvaluationRound round, UUID department) {
        return TaskRef.of(AGGREGATE, round.id, CLOSE_REVIEW, TaskAddressee.organization(department))
                .fiscalYear(round.fiscalYear);
    }

    public static TaskRef publication(EvaluationRound round, UUID department) {
        return TaskRef.of(AGGREGATE, round.id, PUBLISH, TaskAddressee.organization(department)).fiscalYear(round.fiscalYear);
    }

    public static TaskRef thirdPartyAssessment(EvaluationRound round) {
        return TaskRef.of(AGGREGATE, round.id, ASSESS_AS_THIRD_PARTY, TaskAddressee.realmRole(Roles.REVIEWER))
                .fiscalYear(round.fiscalYear);
    }

    public static List<OpenTask> selfAssessments(EvaluationPlan plan, EvaluationRound round, LocalDate dueOn) {
        UUID department = departmentOf(plan);
        return plan.parties.stream().map(p -> new OpenTask(selfAssessment(round, p.organizationId), dueOn, department,
                "「" + plan.title + "」の" + kindJa(round) + "（" + round.fiscalYear + "年度）の自己評価を" + p.name + "として提出する",
                "Submit " + p.name + "’s self-assessment for the " + kindEn(round) + " evaluation of “" + plan.title
                        + "” (fiscal year " + round.fiscalYear + ")",
                "/api/evaluations/rounds/" + round.id)).toList();
    }

    public static OpenTask reviewTask(EvaluationPlan plan, EvaluationRound round, LocalDate dueOn) {
        UUID department = departmentOf(plan);
        return new OpenTask(review(round, department), dueOn, department,
                "「" + plan.title + "」の" + kindJa(round) + "（" + round.fiscalYear + "年度）の相互評価をまとめて終了する",
                "Record the findings and close the mutual review of the " + kindEn(round) + " evaluation of “" + plan.title
                        + "” (fiscal year " + round.fiscalYear + ")",
                "/api/evaluations/rounds/" + round.id + "/review");
    }

    public static OpenTask publicationTask(EvaluationPlan plan, EvaluationRound round, LocalDate dueOn) {
        UUID department = departmentOf(plan);
        return new OpenTask(publication(round, department), dueOn, department,
                "「" + plan.title + "」の" + kindJa(round) + "（" + round.fiscalYear + "年度）の結果を公表する",
                "Publish the " + kindEn(round) + " evaluation of “" + plan.title + "” (fiscal year " + round.fiscalYear + ")",
                "/api/evaluations/rounds/" + round.id);
    }

    public static OpenTask thirdPartyAssessmentTask(EvaluationPlan plan, EvaluationRound round, LocalDate dueOn) {
        return new OpenTask(thirdPartyAssessment(round), dueOn, departmentOf(plan),
                "「" + plan.title + "」の" + kindJa(round) + "（" + round.fiscalYear + "年度）に第三者評価を付す",
                "Give the committee’s third-party assessment of the " + kindEn(round) + " evaluation of “" + plan.title
                        + "” (fiscal year " + round.fiscalYear + ")",
                "/api/evaluations/rounds/" + round.id).excluding(plan.partyIds());
    }

    public static UUID departmentOf(EvaluationPlan plan) {
        return plan.parties.stream().filter(PlanParty::isCityDepartment).map(p -> p.organizationId).findFirst()
                .orElse(null);
    }

    private static String kindJa(EvaluationRound round) {
        return round.kind == RoundKind.INTERIM ? "中間評価" : "事後評価";
    }

    private static String kindEn(EvaluationRound round) {
        return round.kind == RoundKind.INTERIM ? "interim" : "final";
    }
}
