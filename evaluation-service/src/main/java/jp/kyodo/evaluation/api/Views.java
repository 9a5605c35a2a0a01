package jp.kyodo.evaluation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/** Response bodies of the evaluation API. */
public final class Views {

    private Views() {
    }

    @Schema(name = "EvaluationPlan", description = "Evaluation plan (評価計画) of an agreement: its parties and targets")
    public record Plan(
            @Schema(description = "Plan id") UUID id,
            @Schema(description = "Agreement (協働契約)") UUID agreementId,
            @Schema(description = "Adopted proposal it came from, if any", nullable = true) UUID proposalId,
            @Schema(description = "Title") String title,
            @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
            @Schema(description = "Form of collaboration (協働の形態)") CollaborationForm collaborationForm,
            @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
            @Schema(description = "Signed version of the agreement in force") int documentVersion,
            @Schema(description = "Fiscal years (年度)") List<Integer> fiscalYears,
            @Schema(description = "First day of the term") LocalDate termStart,
            @Schema(description = "Last day of the term") LocalDate termEnd,
            @Schema(description = "Parties (当事者), each assessing on its own") List<Party> parties,
            @Schema(description = "Activity indicators (活動指標)") List<Indicator> indicators,
            @Schema(description = "Outcome goals (成果目標)") List<Goal> outcomeGoals,
            @Schema(description = "Beneficiary-satisfaction target in percent (満足度目標)", nullable = true) BigDecimal satisfactionTargetPercent,
            @Schema(description = "How satisfaction is measured", nullable = true) String satisfactionMethod,
            @Schema(description = "When the plan was made") OffsetDateTime createdAt,
            @Schema(description = "Version") long version) {

        static Plan of(EvaluationPlan p) {
            return new Plan(p.id, p.agreementId, p.proposalId, p.title, p.field, p.collaborationForm, p.activityArea,
                    p.documentVersion, p.fiscalYears(), p.termStart, p.termEnd, p.parties.stream().map(Party::of).toList(),
                    p.indicators.stream().map(i -> new Indicator(i.indicatorId, i.name, i.unit, i.targetValue)).toList(),
                    p.goals.stream().map(g -> new Goal(g.goalId, g.description)).toList(), p.satisfactionTargetPercent,
                    p.satisfactionMethod, p.createdAt, p.version);
        }
    }

    @Schema(name = "EvaluationParty", description = "A party of the agreement")
    public record Party(
            @Schema(description = "Organisation id") UUID organizationId,
            @Schema(description = "Actor type (協働の主体)") ActorType actorType,
            @Schema(description = "Name") String name) {

        static Party of(PlanParty p) {
            return new Party(p.organizationId, p.actorType, p.name);
        }
    }

    @Schema(name = "EvaluationIndicator", description = "An activity indicator (活動指標)")
    public record Indicator(@Schema(description = "Id of the indicator in the agreement") UUID indicatorId,
            @Schema(description = "Name (指標名)") String name,
            @Schema(description = "Unit, e.g. 人, 回, %", nullable = true) String unit,
            @Schema(description = "Target value (目標値)", nullable = true) BigDecimal targetValue) {
    }

    @Schema(name = "EvaluationGoal", description = "An outcome goal (成果目標)")
    public record Goal(@Schema(description = "Id of the goal in the agreement") UUID goalId,
            @Schema(description = "What the collaboration is to achieve (成果目標)") String description) {
    }

    @Schema(name = "EvaluationRoundSummary", description = "A round without anyone's scores")
    public record RoundSummary(
            @Schema(description = "Round id") UUID id,
            @Schema(description = "Plan id") UUID planId,
            @Schema(description = "INTERIM (中間評価) or FINAL (事後評価)") RoundKind kind,
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "OPEN, IN_REVIEW, CLOSED or PUBLISHED") RoundStatus status,
            @Schema(description = "Parties that have submitted") int submittedCount,
            @Schema(description = "Parties in all") int partyCount,
            @Schema(description = "When it was opened for self-assessments (自己評価)") OffsetDateTime openedAt,
            @Schema(description = "When every party had submitted and the mutual review (相互評価) began", nullable = true) OffsetDateTime inReviewAt,
            @Schema(description = "When the mutual review was closed", nullable = true) OffsetDateTime closedAt,
            @Schema(description = "When the result was published (公表)", nullable = true) OffsetDateTime publishedAt,
            @Schema(description = "Due date (Asia/Tokyo) of the step the round waits for: the self-assessments while OPEN, "
                    + "the mutual review while IN_REVIEW, publication while CLOSED; absent once published", format = "date",
                    nullable = true)
            java.time.LocalDate stepDueOn,
            @Schema(description = "Due date (Asia/Tokyo) of the committee's third-party assessment (第三者評価) while the "
                    + "round is CLOSED and the city asks for one; absent otherwise", format = "date", nullable = true)
            java.time.LocalDate thirdPartyAssessmentDueOn,
            @Schema(description = "Version (ETag)") long version) {

        static RoundSummary of(EvaluationRound r, EvaluationPlan plan) {
            return new RoundSummary(r.id, r.planId, r.kind, r.fiscalYear, r.status, r.submittedCount, plan.parties.size(),
                    r.openedAt, r.inReviewAt, r.closedAt, r.publishedAt, r.stepDueOn, r.thirdPartyDueOn, r.version);
        }
    }

    @Schema(name = "EvaluationRound", description = "A round as the reader may see it: other parties' scores stay sealed until every party has submitted")
    public record Round(
            @Schema(description = "The round") RoundSummary round,
            @Schema(description = "Each party: whether it submitted, and its scores where the reader may see them") List<PartyAssessment> parties,
            @Schema(description = "Agreed findings (after every party submitted)", nullable = true) List<RoundResult.FindingResult> findings,
            @Schema(description = "Third-party assessment, if any", nullable = true) RoundResult.ThirdPartyResult thirdPartyAssessment) {
    }

    @Schema(name = "EvaluationPartyAssessment", description = "A party's self-assessment as the reader may see it")
    public record PartyAssessment(
            @Schema(description = "Organisation id") UUID organizationId,
            @Schema(description = "Actor type") ActorType actorType,
            @Schema(description = "Name") String name,
            @Schema(description = "Whether it has submitted") boolean submitted,
            @Schema(description = "When it submitted", nullable = true) OffsetDateTime submittedAt,
            @Schema(description = "True when its scores are hidden from this reader (sealed)") boolean sealed,
            @Schema(description = "事業の評価; absent when sealed or not submitted", nullable = true) List<RoundResult.ScoreResult> project,
            @Schema(description = "協働の評価; absent when sealed or not submitted", nullable = true) List<RoundResult.ScoreResult> collaboration) {
    }

    @Schema(name = "EvaluationReview", description = "Side-by-side view of the mutual review (相互評価)")
    public record Review(
            @Schema(description = "Round id") UUID roundId,
            @Schema(description = "State of the round") RoundStatus status,
            @Schema(description = "Parties, in column order") List<Party> parties,
            @Schema(description = "事業の評価, item by item") List<ReviewLine> project,
            @Schema(description = "協働の評価, item by item") List<ReviewLine> collaboration,
            @Schema(description = "How many items diverge") int divergentItemCount) {
    }

    @Schema(name = "EvaluationReviewLine", description = "One item with each party's score; divergent when the highest and lowest differ by 2 or more")
    public record ReviewLine(
            @Schema(description = "Item") EvaluationItem item,
            @Schema(description = "Label (日本語)") String labelJa,
            @Schema(description = "Label (English)") String labelEn,
            @Schema(description = "Indicator or outcome goal, for those items", nullable = true) UUID targetId,
            @Schema(description = "Name of the indicator or goal", nullable = true) String targetLabel,
            @Schema(description = "Each party's score") List<PartyScore> scores,
            @Schema(description = "Highest score", nullable = true) Integer highest,
            @Schema(description = "Lowest score", nullable = true) Integer lowest,
            @Schema(description = "Flagged as divergent (乖離あり)") boolean divergent) {
    }

    @Schema(name = "EvaluationPartyScore", description = "One party's score of an item")
    public record PartyScore(@Schema(description = "The party") UUID organizationId,
            @Schema(description = "Its score, 1 to 5") int score,
            @Schema(description = "Its reason (評価の理由)", nullable = true) String reason,
            @Schema(description = "Actual value (実績値) it reported for an indicator", nullable = true) BigDecimal actualValue,
            @Schema(description = "Achievement rate (達成率): actual ÷ target, in percent", nullable = true) BigDecimal achievementRate) {
    }

    @Schema(name = "EvaluationItemDescription", description = "An item of the evaluation catalogue (評価項目)")
    public record Item(
            @Schema(description = "Code") EvaluationItem item,
            @Schema(description = "Track (評価の軸)") Track track,
            @Schema(description = "Track label") String trackLabelJa,
            @Schema(description = "Label (日本語)") String labelJa,
            @Schema(description = "Label (English)") String labelEn,
            @Schema(description = "NONE (once per round), INDICATOR (once per indicator) or GOAL (once per goal)") EvaluationItem.Target scoredPer) {
    }
}
