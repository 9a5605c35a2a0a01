package jp.kyodo.evaluation.service.opendata;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.opendata.PublishedDataset;

/**
 * A finding of the mutual review, or the third-party assessment, of a published round: the columns of
 * evaluation-findings.csv. Columns that do not apply to the row's source are empty.
 */
@PublishedDataset(name = "evaluation-findings", title = "協働事業の評価結果（相互評価の共有事項・改善策と第三者評価）",
        summary = "Findings and third-party opinions of published evaluations as open data (評価の所見)",
        description = "One record per finding and improvement agreed in the mutual review (相互評価) of a PUBLISHED round, "
                + "and one per third-party assessment (第三者評価). fiscalYear keeps the rounds counted in that fiscal year.")
@Schema(name = "OpenDataEvaluationFinding", description = "A finding of the mutual review (相互評価) or the third-party assessment (第三者評価) of a published round")
public record EvaluationFindingRecord(
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
        @Schema(description = "MUTUAL_REVIEW (相互評価) or THIRD_PARTY (第三者評価)") FindingSource source,
        @Schema(description = "The finding's id; empty for the third-party assessment", nullable = true) UUID findingId,
        @Schema(description = "The party that recorded the finding; empty for the third-party assessment", nullable = true) UUID organizationId,
        @Schema(description = "Its name", nullable = true) String organizationName,
        @Schema(description = "The item the finding is about, if any (評価項目)", nullable = true) EvaluationItem item,
        @Schema(description = "That item's track: PROJECT or COLLABORATION", nullable = true) Track track,
        @Schema(description = "The agreed finding (共有事項)", nullable = true) String finding,
        @Schema(description = "The improvement it leads to (改善策)", nullable = true) String improvement,
        @Schema(description = "The committee (評価委員会); third-party assessment only", nullable = true) String committee,
        @Schema(description = "Overall opinion (総評); third-party assessment only", nullable = true) String opinion,
        @Schema(description = "Opinion on the project (事業の評価); third-party assessment only", nullable = true) String projectOpinion,
        @Schema(description = "Opinion on the collaboration (協働の評価); third-party assessment only", nullable = true) String collaborationOpinion,
        @Schema(description = "Recommendations (提言); third-party assessment only", nullable = true) String recommendations,
        @Schema(description = "Day it was recorded or assessed, Asia/Tokyo") LocalDate recordedOn) {

    static EvaluationFindingRecord of(PublishedRound r, RoundResult result, RoundResult.FindingResult f) {
        String partyName = result.assessments().stream().filter(p -> p.organizationId().equals(f.recordedFor()))
                .map(RoundResult.PartyResult::name).findFirst().orElse(null);
        return new EvaluationFindingRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                FindingSource.MUTUAL_REVIEW, f.findingId(), f.recordedFor(), partyName, f.item(),
                f.item() == null ? null : f.item().track(), f.finding(), f.improvement(), null, null, null, null,
                null, PublishedRound.dayOf(f.recordedAt()));
    }

    static EvaluationFindingRecord of(PublishedRound r, RoundResult.ThirdPartyResult t) {
        return new EvaluationFindingRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                FindingSource.THIRD_PARTY, null, null, null, null, null, null, null, t.committee(), t.opinion(),
                t.projectOpinion(), t.collaborationOpinion(), t.recommendations(), PublishedRound.dayOf(t.assessedAt()));
    }
}
