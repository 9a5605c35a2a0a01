package jp.kyodo.platform.opendata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.PublicRead;

/**
 * The one way a service serves its published data sets: {@code GET <its path>/<data set>}, for anyone, as JSON or
 * CSV under CC BY 4.0. A service gives the path and lists its data sets, each a record type that declares itself
 * with {@link PublishedDataset} and the query that selects its records:
 *
 * <pre>{@code
 * @Path("/api/agreements/open-data")
 * public class OpenDataResource extends OpenDataEndpoint<FiscalYear> {
 *     @Inject
 *     OpenDataResource(OpenDataQueries queries) {
 *         super(FiscalYear::of, List.of(Source.of(AgreementRecord.class, queries::agreements)));
 *     }
 * }
 * }</pre>
 *
 * The OpenAPI document shows one operation per data set, not this templated one ({@link OpenDataDocumentation}).
 *
 * @param <Y> the service's fiscal year
 */
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public abstract class OpenDataEndpoint<Y> {

    /** The templated operation's id, which {@link OpenDataDocumentation} replaces by one operation per data set. */
    public static final String OPERATION_ID = "exportOpenData";
    /** The templated operation's path parameter: the data set's name. */
    static final String DATASET = "dataset";

    @Inject
    OpenDataResponses openData;

    private final IntFunction<Y> fiscalYear;
    private final Map<String, Source<?, Y>> sources = new LinkedHashMap<>();

    /**
     * @param fiscalYear the service's fiscal year of a western year, refusing one it does not know with
     *                   {@link IllegalArgumentException} (a 400 naming {@code fiscalYear})
     */
    protected OpenDataEndpoint(IntFunction<Y> fiscalYear, List<Source<?, Y>> sources) {
        this.fiscalYear = fiscalYear;
        for (Source<?, Y> source : sources) {
            if (this.sources.putIfAbsent(source.dataset().name(), source) != null) {
                throw new IllegalArgumentException("two data sets named " + source.dataset().name());
            }
        }
    }

    @GET
    @Path("{" + DATASET + "}")
    @PublicRead
    @Tag(name = OpenDataDocumentation.TAG)
    @Operation(operationId = OPERATION_ID, summary = "A published data set")
    public Response export(@PathParam(DATASET) String dataset, @BeanParam OpenDataRequest request) {
        Source<?, Y> source = sources.get(dataset);
        if (source == null) {
            throw ProblemException.notFound("There is no published data set of this name.",
                    "この名前の公開データはありません。");
        }
        return source.answer(openData, request, fiscalYear);
    }

    /**
     * A published data set and the query that selects its records of a fiscal year (null: of every year), in the
     * data set's order.
     */
    public record Source<R extends Record, Y>(OpenDataset<R> dataset, Function<Y, List<R>> select) {

        public static <R extends Record, Y> Source<R, Y> of(Class<R> rows, Function<Y, List<R>> select) {
            return new Source<>(OpenDataset.of(rows), select);
        }

        Response answer(OpenDataResponses responses, OpenDataRequest request, IntFunction<Y> fiscalYear) {
            return responses.answer(dataset, request, fiscalYear, select);
        }
    }
}
