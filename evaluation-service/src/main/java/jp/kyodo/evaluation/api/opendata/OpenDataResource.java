package jp.kyodo.evaluation.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.evaluation.service.opendata.EvaluationFindingRecord;
import jp.kyodo.evaluation.service.opendata.EvaluationScoreRecord;
import jp.kyodo.evaluation.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocumentation;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRecords;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.web.PublicRead;

/** Published evaluations as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/evaluations/open-data")
@Tag(name = OpenDataDocumentation.TAG)
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("evaluation-scores")
    @Operation(operationId = "exportEvaluationScores", summary = "Published evaluation scores as open data (評価結果の公開データ)",
            description = "One record per PUBLISHED round, party and scored item, both tracks (事業の評価, 協働の評価) as separate rows, "
                    + "rounds in order of publication. fiscalYear keeps the rounds counted in that fiscal year.")
    @OpenDataRecords(EvaluationScoreRecord.class)
    public Response scores(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.SCORES, request, FiscalYear::of, queries::scores);
    }

    @GET
    @Path("evaluation-findings")
    @Operation(operationId = "exportEvaluationFindings", summary = "Findings and third-party opinions of published evaluations as open data (評価の所見)",
            description = "One record per finding and improvement agreed in the mutual review (相互評価) of a PUBLISHED round, and "
                    + "one per third-party assessment (第三者評価). fiscalYear keeps the rounds counted in that fiscal year.")
    @OpenDataRecords(EvaluationFindingRecord.class)
    public Response findings(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.FINDINGS, request, FiscalYear::of, queries::findings);
    }
}
