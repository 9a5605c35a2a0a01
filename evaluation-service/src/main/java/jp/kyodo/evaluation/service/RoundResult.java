package jp.kyodo.evaluation.service;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * The result of a round as it is published (公表): both tracks per party, never merged; the divergent items; the
 * agreed findings and improvements; the third-party assessment if any. It is also the payload of
 * {@code evaluation.published}.
 */
@Schema(name = "EvaluationResult", description = "Published result of an evaluation round (評価結果の公表)")
public record RoundResult(
        @Schema(description = "Round id") UUID roundId,
        @Schema(description = "Version of the round") long version,
        @Schema(description = "Evaluation plan id") UUID planId,
        @Schema(description = "Agreement evaluated (協働契約)") UUID agreementId,
        @Schema(description = "Title of the collaboration") String title,
        @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
        @Schema(description = "Form of collaboration (協働の形態)") CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
        @Schema(description = "INTERIM (中間評価) or FINAL (事後評価)") RoundKind kind,
        @Schema(description = "Fiscal year (年度) the round is counted in") int fiscalYear,
        @Schema(description = "State of the round") RoundStatus status,
        @Schema(description = "When it was published; absent before", nullable = true) OffsetDateTime publishedAt,
        @Schema(description = "Each party's own assessment, both tracks side by side (自己評価)") List<PartyResult> assessments,
        @Schema(description = "Items whose highest and lowest scores differ by 2 or more (評価の乖離)") List<Divergence> divergences,
        @Schema(description = "Agreed findings and improvements of the mutual review (相互評価)") List<FindingResult> findings,
        @Schema(description = "Third-party assessment (第三者評価); absent when none was given", nullable = true) ThirdPartyResult thirdPartyAssessment) {

    @Schema(name = "EvaluationPartyResult", description = "One party's self-assessment")
    public record PartyResult(
            @Schema(description = "The party (an organisation of the directory)") UUID organizationId,
            @Schema(description = "Actor type (協働の主体)") ActorType actorType,
            @Schema(description = "Name of the organisation") String name,
            @Schema(description = "When it was submitted") OffsetDateTime submittedAt,
            @Schema(description = "事業の評価: scores of the project track") List<ScoreResult> project,
            @Schema(description = "協働の評価: scores of the collaboration track") List<ScoreResult> collaboration) {
    }

    @Schema(name = "EvaluationScore", description = "A score of one item on the 1–5 scale")
    public record ScoreResult(
            @Schema(description = "Item of the catalogue") EvaluationItem item,
            @Schema(description = "Indicator or outcome goal the line is about, for those items", nullable = true) UUID targetId,
            @Schema(description = "1 far below … 3 as expected … 5 far above what was expected", minimum = "1", maximum = "5") int score,
            @Schema(description = "Reason (required for 1 and 2)", nullable = true) String reason,
            @Schema(description = "Actual value (実績値) of an indicator, or measured satisfaction in percent", nullable = true) BigDecimal actualValue,
            @Schema(description = "Achievement rate in percent (達成率)", nullable = true) BigDecimal achievementRate) {
    }

    @Schema(name = "EvaluationDivergence", description = "An item on which the parties' scores diverge")
    public record Divergence(
            @Schema(description = "Item") EvaluationItem item,
            @Schema(description = "Track of the item") Track track,
            @Schema(description = "Indicator or outcome goal, for those items", nullable = true) UUID targetId,
            @Schema(description = "Highest party score") int highest,
            @Schema(description = "Lowest party score") int lowest) {
    }

    @Schema(name = "EvaluationFinding", description = "A finding agreed in the mutual review")
    public record FindingResult(
            @Schema(description = "Finding id") UUID findingId,
            @Schema(description = "Item the finding is about, if any", nullable = true) EvaluationItem item,
            @Schema(description = "The agreed finding (評価結果の共有事項)") String finding,
            @Schema(description = "Improvement action (改善策), if one was agreed", nullable = true) String improvement,
            @Schema(description = "The party that recorded it") UUID recordedFor,
            @Schema(description = "When") OffsetDateTime recordedAt) {
    }

    @Schema(name = "ThirdPartyAssessmentResult", description = "Third-party assessment (第三者評価) by the committee")
    public record ThirdPartyResult(
            @Schema(description = "The committee (評価委員会)") String committee,
            @Schema(description = "Overall opinion") String opinion,
            @Schema(description = "Opinion on the project (事業の評価)", nullable = true) String projectOpinion,
            @Schema(description = "Opinion on the collaboration (協働の評価)", nullable = true) String collaborationOpinion,
            @Schema(description = "Recommendations (提言)", nullable = true) String recommendations,
            @Schema(description = "When") OffsetDateTime assessedAt) {
    }
}
