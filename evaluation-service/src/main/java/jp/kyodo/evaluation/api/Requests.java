package jp.kyodo.evaluation.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.RoundKind;

/** Request bodies of the evaluation API. */
public final class Requests {

    private Requests() {
    }

    @Schema(name = "OpenRoundRequest", description = "Opens an evaluation round (評価の開始)")
    public record OpenRound(
            @Schema(description = "INTERIM (中間評価) or FINAL (事後評価)", required = true) @NotNull RoundKind kind,
            @Schema(description = "Fiscal year (年度) of an interim round: one of the agreement's fiscal years") Integer fiscalYear,
            @Schema(description = "The city department (市の所管課) the staff member acts for", required = true) @NotNull UUID actingFor) {
    }

    @Schema(name = "SelfAssessmentRequest", description = "A party's own assessment of both tracks (自己評価). Every item of the catalogue must be scored once, indicator items once per indicator and goal items once per goal.")
    public record SelfAssessment(
            @Schema(description = "事業の評価: the project track", required = true) @NotNull @Size(max = 200) List<@Valid @NotNull ScoreLine> project,
            @Schema(description = "協働の評価: the collaboration track", required = true) @NotNull @Size(max = 200) List<@Valid @NotNull ScoreLine> collaboration) {
    }

    @Schema(name = "ScoreLine", description = "Score of one item on the 1–5 scale (5 far above expectations, 3 as expected, 1 far below)")
    public record ScoreLine(
            @Schema(description = "Item of the catalogue (評価項目), see GET /api/evaluations/items", required = true) @NotNull EvaluationItem item,
            @Schema(description = "For PROJECT_INDICATOR_ACHIEVEMENT: the activity indicator (活動指標)") UUID indicatorId,
            @Schema(description = "For PROJECT_OUTCOME_GOAL: the outcome goal (成果目標)") UUID goalId,
            @Schema(description = "Score 1–5", required = true, minimum = "1", maximum = "5") @NotNull @Min(1) @Max(5) Integer score,
            @Schema(description = "Reason (理由); required for a score of 1 or 2") @Size(max = 4000) String reason,
            @Schema(description = "Actual value (実績値) of the indicator; for satisfaction, the measured percent") BigDecimal actualValue) {
    }

    @Schema(name = "FindingRequest", description = "A finding agreed in the mutual review (相互評価) and its improvement action")
    public record RecordFinding(
            @Schema(description = "The party recording it", required = true) @NotNull UUID actingFor,
            @Schema(description = "The item it is about, if any") EvaluationItem item,
            @Schema(description = "The agreed finding (共有された評価結果)", required = true) @NotBlank @Size(max = 4000) String finding,
            @Schema(description = "Improvement action (改善策)") @Size(max = 4000) String improvement) {
    }

    @Schema(name = "ClosingRequest", description = "Closes the mutual review of a round")
    public record Closing(
            @Schema(description = "The party closing it", required = true) @NotNull UUID actingFor,
            @Schema(description = "Note for the audit trail") @Size(max = 2000) String note) {
    }

    @Schema(name = "PublicationRequest", description = "Publishes a closed round (公表)")
    public record Publication(
            @Schema(description = "The city department (市の所管課) publishing it", required = true) @NotNull UUID actingFor) {
    }

    @Schema(name = "ThirdPartyAssessmentRequest", description = "The committee's third-party assessment (第三者評価)")
    public record ThirdParty(
            @Schema(description = "The committee (評価委員会)", required = true) @NotBlank @Size(max = 200) String committee,
            @Schema(description = "Overall opinion", required = true) @NotBlank @Size(max = 8000) String opinion,
            @Schema(description = "Opinion on the project (事業の評価)") @Size(max = 8000) String projectOpinion,
            @Schema(description = "Opinion on the collaboration (協働の評価)") @Size(max = 8000) String collaborationOpinion,
            @Schema(description = "Recommendations (提言)") @Size(max = 8000) String recommendations) {
    }
}
