package jp.kyodo.evaluation.api.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.EvaluationReader;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.evaluation.service.SealedRound;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * Published evaluations as open data (評価結果の公表), for anyone, as JSON or CSV under CC BY 4.0: exactly what
 * {@code /api/evaluations/published} shows, flattened. Only PUBLISHED rounds; an OPEN, IN_REVIEW or CLOSED round and
 * its scores never appear (the rounds are read as the public reads them, through the seal). The two tracks stay
 * apart: one row per party and item, never a figure that combines them. Who submitted, recorded or assessed (people)
 * is not exported; the parties (organisations) are, as in the published result.
 */
@Path("/api/evaluations/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
public class OpenDataResource {

    public static final OpenDataset<EvaluationScoreRecord> SCORES = OpenDataset.of("evaluation-scores",
            "協働事業の評価結果（当事者別・評価項目別の評価）", EvaluationScoreRecord.class);

    public static final OpenDataset<EvaluationFindingRecord> FINDINGS = OpenDataset.of("evaluation-findings",
            "協働事業の評価結果（相互評価の共有事項・改善策と第三者評価）", EvaluationFindingRecord.class);

    /** Where a row of evaluation-findings comes from. */
    public enum FindingSource {
        /** 相互評価: a finding the parties agreed, with its improvement. */
        MUTUAL_REVIEW,
        /** 第三者評価: the committee's opinion. */
        THIRD_PARTY
    }

    @Inject
    EvaluationReader reader;

    @Inject
    OpenDataResponses openData;

    @GET
    @Path("evaluation-scores")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportEvaluationScores", summary = "Published evaluation scores as open data (評価結果の公開データ)", description = "Anonymous. One "
            + "record per PUBLISHED round, party and scored item, both tracks (事業の評価, 協働の評価) as separate rows, "
            + "rounds in order of publication; JSON by default, CSV with Accept: text/csv or ?format=csv. fiscalYear "
            + "keeps the rounds counted in that fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = EvaluationScoreRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response scores(
            @Parameter(description = "Fiscal year (年度) the round is counted in, e.g. 2027", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(SCORES, fiscalYear, format, headers, FiscalYear::of, this::scoresIn);
    }

    /** Every score of every party in the rounds published for the fiscal year (null: every year). */
    private List<EvaluationScoreRecord> scoresIn(Integer year) {
        List<EvaluationScoreRecord> records = new ArrayList<>();
        for (SealedRound sealed : reader.publishedForEveryone(year)) {
            RoundResult result = sealed.result();
            Round round = Round.of(result);
            for (RoundResult.PartyResult party : result.assessments()) {
                for (Track track : Track.values()) {
                    for (RoundResult.ScoreResult score : track == Track.PROJECT ? party.project() : party.collaboration()) {
                        records.add(EvaluationScoreRecord.of(round, party, track, score));
                    }
                }
            }
        }
        return records;
    }

    @GET
    @Path("evaluation-findings")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportEvaluationFindings", summary = "Findings and third-party opinions of published evaluations as open data (評価の所見)",
            description = "Anonymous. One record per finding and improvement agreed in the mutual review (相互評価) of a "
                    + "PUBLISHED round, and one per third-party assessment (第三者評価); JSON by default, CSV with Accept: "
                    + "text/csv or ?format=csv. fiscalYear keeps the rounds counted in that fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = EvaluationFindingRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response findings(
            @Parameter(description = "Fiscal year (年度) the round is counted in, e.g. 2027", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(FINDINGS, fiscalYear, format, headers, FiscalYear::of, this::findingsIn);
    }

    /** The findings and third-party assessments of the rounds published for the fiscal year (null: every year). */
    private List<EvaluationFindingRecord> findingsIn(Integer year) {
        List<EvaluationFindingRecord> records = new ArrayList<>();
        for (SealedRound sealed : reader.publishedForEveryone(year)) {
            RoundResult result = sealed.result();
            Round round = Round.of(result);
            for (RoundResult.FindingResult finding : result.findings()) {
                records.add(EvaluationFindingRecord.of(round, sealed.plan(), finding));
            }
            if (result.thirdPartyAssessment() != null) {
                records.add(EvaluationFindingRecord.of(round, result.thirdPartyAssessment()));
            }
        }
        return records;
    }

    /** The columns both data sets begin with: which round of which collaboration. */
    private record Round(UUID roundId, UUID planId, UUID agreementId, String title, RoundKind kind, int fiscalYear,
            FieldOfActivity field, CollaborationForm collaborationForm, ActivityArea activityArea, LocalDate publishedOn) {

        static Round of(RoundResult r) {
            return new Round(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(), r.fiscalYear(), r.field(),
                    r.collaborationForm(), r.activityArea(), dayOf(r.publishedAt()));
        }
    }

    private static LocalDate dayOf(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate();
    }

    /** One party's score of one item in one published round: the columns of evaluation-scores.csv. */
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

        static EvaluationScoreRecord of(Round r, RoundResult.PartyResult party, Track track, RoundResult.ScoreResult s) {
            return new EvaluationScoreRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                    r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                    party.organizationId(), party.name(), party.actorType(), track, s.item(), s.targetId(), s.score(),
                    s.reason(), s.actualValue(), s.achievementRate());
        }
    }

    /**
     * A finding of the mutual review, or the third-party assessment, of a published round: the columns of
     * evaluation-findings.csv. Columns that do not apply to the row's source are empty.
     */
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

        static EvaluationFindingRecord of(Round r, EvaluationPlan plan, RoundResult.FindingResult f) {
            String partyName = f.recordedFor() == null ? null
                    : plan.party(f.recordedFor()).map((PlanParty p) -> p.name).orElse(null);
            return new EvaluationFindingRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                    r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                    FindingSource.MUTUAL_REVIEW, f.findingId(), f.recordedFor(), partyName, f.item(),
                    f.item() == null ? null : f.item().track(), f.finding(), f.improvement(), null, null, null, null,
                    null, dayOf(f.recordedAt()));
        }

        static EvaluationFindingRecord of(Round r, RoundResult.ThirdPartyResult t) {
            return new EvaluationFindingRecord(r.roundId(), r.planId(), r.agreementId(), r.title(), r.kind(),
                    r.fiscalYear(), r.field(), r.collaborationForm(), r.activityArea(), r.publishedOn(),
                    FindingSource.THIRD_PARTY, null, null, null, null, null, null, null, t.committee(), t.opinion(),
                    t.projectOpinion(), t.collaborationOpinion(), t.recommendations(), dayOf(t.assessedAt()));
        }
    }
}
