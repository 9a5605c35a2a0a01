package jp.kyodo.evaluation.api.opendata;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import jp.kyodo.evaluation.service.opendata.EvaluationFindingRecord;
import jp.kyodo.evaluation.service.opendata.EvaluationScoreRecord;
import jp.kyodo.evaluation.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataEndpoint;

/** Published evaluations as open data, for anyone: the data sets of {@link OpenDataQueries}. */
@Path("/api/evaluations/open-data")
public class OpenDataResource extends OpenDataEndpoint<FiscalYear> {

    @Inject
    OpenDataResource(OpenDataQueries queries) {
        super(FiscalYear::of, List.of(Source.of(EvaluationScoreRecord.class, queries::scores),
                Source.of(EvaluationFindingRecord.class, queries::findings)));
    }
}
