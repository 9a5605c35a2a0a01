package jp.kyodo.platform.opendata;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.platform.problem.ProblemException;

/**
 * The whole answer to a request for a data set, the same in every service: the format from {@code ?format} or
 * {@code Accept}, the {@code fiscalYear} filter, the records the service selects for that year, and the publisher
 * credited in the licence ({@value OpenDataExport#PUBLISHER_PROPERTY}). {@link OpenDataEndpoint} names the data set
 * and the query that selects its records; this does the rest.
 */
@ApplicationScoped
public class OpenDataResponses {

    @ConfigProperty(name = OpenDataExport.PUBLISHER_PROPERTY, defaultValue = "kyodo")
    String publisher;

    /**
     * @param fiscalYear the service's fiscal year of a western year, refusing one it does not know with
     *                   {@link IllegalArgumentException} (a 400 naming {@code fiscalYear})
     * @param select     the records of the fiscal year (null: of every year), in the data set's order
     */
    public <R extends Record, Y> Response answer(OpenDataset<R> dataset, OpenDataRequest request,
            IntFunction<Y> fiscalYear, Function<Y, List<R>> select) {
        OpenDataExport.Format format = OpenDataExport.negotiate(request.format, request.headers);
        Y year = request.fiscalYear == null ? null : fiscalYearOf(request.fiscalYear, fiscalYear);
        return OpenDataExport.respond(dataset, select.apply(year), request.fiscalYear, format, publisher);
    }

    private static <Y> Y fiscalYearOf(int year, IntFunction<Y> fiscalYear) {
        try {
            return fiscalYear.apply(year);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("fiscalYear", "A fiscal year in western years, such as 2027.",
                    "年度は 2027 のように西暦で指定してください。");
        }
    }
}
