package jp.kyodo.evaluation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.service.EvaluationStatistics;
import jp.kyodo.evaluation.service.StatisticsService;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;

@Path("/api/evaluations/statistics")
@Tag(name = "Evaluation statistics")
public class EvaluationStatisticsResource {

    @Inject
    StatisticsService statistics;

    @GET
    @Operation(operationId = "getEvaluationStatistics", summary = "Evaluation statistics by fiscal year, field, form or actor type: cases, mean score per item of each track, share of divergent items, indicator achievement. Staff and analysts: closed and published rounds; everyone else: published rounds, cells under 3 cases hidden",
            description = "Counts and means over rounds, grouped by fiscal year, field, form or actor type. Cells with fewer cases than the minimum are hidden, so that no single collaboration can be read out of them.")
    public EvaluationStatistics statistics(
            @Parameter(description = "Dimension of the cells: FISCAL_YEAR (default), FIELD, FORM or ACTOR_TYPE", schema = @Schema(implementation = EvaluationStatistics.Dimension.class))
            @QueryParam("by") String by,
            @Parameter(description = "Only this fiscal year (年度)", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "Only this field (活動分野)", schema = @Schema(implementation = FieldOfActivity.class))
            @QueryParam("field") String field,
            @Parameter(description = "Only this form (協働の形態)") @QueryParam("form") String form,
            @Parameter(description = "Only collaborations with a party of this actor type (協働の主体); with ACTOR_TYPE, only that type's assessments") @QueryParam("actorType") String actorType) {
        EvaluationStatistics.Dimension dimension = QueryParameters.enumValue(EvaluationStatistics.Dimension.class, "by", by);
        return statistics.compute(dimension == null ? EvaluationStatistics.Dimension.FISCAL_YEAR : dimension,
                new StatisticsService.Filter(QueryParameters.integer("fiscalYear", fiscalYear),
                        QueryParameters.enumValue(FieldOfActivity.class, "field", field),
                        QueryParameters.enumValue(CollaborationForm.class, "form", form),
                        QueryParameters.enumValue(ActorType.class, "actorType", actorType)));
    }
}
