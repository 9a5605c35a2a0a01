package jp.kyodo.evaluation.service.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One party's score of one item in one published round: the columns of evaluation-scores.csv. */
@PublishedDataset(name = "evaluation-scores", title = "協働事業の評価結果（当事者別・評価項目別の評価）",
        summary = "Published evaluation scores as open data (評価結果の公開データ)",
        description = "One record per PUBLISHED round, party and scored item, both tracks (事業の評価, 協働の評価) as separate "
                + "rows, rounds in order of publication. fiscalYear keeps the rounds counted in that fiscal year.")
@Schema(name = "OpenDataEvaluationScore", description = "One party's published score of one item (評価結果)")
public record EvaluationScoreRecord(
        @Schema(description = "The round (評価)") UUID roundId,
        @Schema(description = "Its evaluation plan (評価計画)") UUID planId,
        @Schema(description = "The agreement evaluated (協定)") UUID agreementId,
        @Schema(description = "Title of the collaboration (事業名)") String title,
        @Schema(description = "INTERIM (中間評価) or FINAL (事後評価)") RoundKind kind,
        @Schema(description = "Fiscal year (年度) the round is counted in") int fiscalYear,
        @Schema(description = "Field (活動分野)") FieldOfActivity field,
        @Schema(description = "Form (協働の形態)") CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
        @Schema(description = "Day of publication (公表日), Asia/Tokyo") LocalDate publishedOn,
        @Schema(description = "The party that scored (当事者)") UUID organizationId,
        @Schema(description = "Its name") String organizationName,
        @Schema(description = "Its actor type (協働の主体)") ActorType actorType,
        @Schema(description = "PROJECT (事業の評価) or COLLABORATION (協働の評価); the tracks are never combined") Track track,
        @Schema(description = "Item of the catalogue (評価項目), as in GET /api/evaluations/items") EvaluationItem item,
        @Schema(description = "The activity indicator or outcome goal scored, for those items", nullable = true) UUID targetId,
        @Schema(description = "1 far below … 3 as expected … 5 far above what was expected") int score,
        @Schema(description = "Reason the party gave (required for 1 and 2)", nullable = true) String reason,
        @Schema(description = "Actual value (実績値) of an indicator, or measured satisfaction in percent", nullable = true) BigDecimal actualValue,
        @Schema(description = "Achievement rate in percent (達成率)", nullable = true) BigDecimal achievementRate) {

    static EvaluationScoreRecord of(PublishedRound r, RoundResult.PartyResult party, Track track, RoundResult.ScoreResult s) {
        return new EvaluationScoreRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                party.organizationId(), party.name(), party.actorType(), track, s.item(), s.targetId(), s.score(),
                s.reason(), s.actualValue(), s.achievementRate());
    }
}
