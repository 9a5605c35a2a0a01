package jp.kyodo.evaluation.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Evaluation statistics by fiscal year, field, form or actor type: cases, mean score per item of each track, share of divergent items, indicator achievement. Staff and analysts: closed and published rounds; everyone else: published rounds, cells under 3 cases hidden")
    public EvaluationStatistics statistics(
            @Parameter(description = "Dimension of the cells: FISCAL_YEAR (default), FIELD, FORM or ACTOR_TYPE") @QueryParam("by") EvaluationStatistics.Dimension by,
            @Parameter(description = "Only this fiscal year (年度)") @QueryParam("fiscalYear") FiscalYear fiscalYear,
            @Parameter(description = "Only this field (活動分野)") @QueryParam("field") FieldOfActivity field,
            @Parameter(description = "Only this form (協働の形態)") @QueryParam("form") CollaborationForm form,
            @Parameter(description = "Only collaborations with a party of this actor type (協働の主体); with ACTOR_TYPE, only that type's assessments") @QueryParam("actorType") ActorType actorType) {
        return statistics.compute(by == null ? EvaluationStatistics.Dimension.FISCAL_YEAR : by,
                new StatisticsService.Filter(fiscalYear == null ? null : fiscalYear.year(), field, form, actorType));
    }
}
