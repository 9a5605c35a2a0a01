package jp.kyodo.platform.opendata;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The whole answer to a request for a data set, the same in every service: the format from {@code ?format} or
 * {@code Accept}, the {@code fiscalYear} filter, the records the service selects for that year, and the publisher
 * credited in the licence ({@value OpenDataExport#PUBLISHER_PROPERTY}). A resource names its data set and says how
 * to select the records; this does the rest.
 */
@ApplicationScoped
public class OpenDataResponses {

    @ConfigProperty(name = OpenDataExport.PUBLISHER_PROPERTY, defaultValue = "kyodo")
    String publisher;

    /**
     * @param fiscalYear the {@code fiscalYear} query parameter as sent (absent: every year)
     * @param format     the {@code format} query parameter as sent (absent: the {@code Accept} header decides)
     * @param yearCheck  the service's rule of a valid fiscal year, throwing {@link IllegalArgumentException}
     * @param select     the records of the fiscal year (null: of every year), in the data set's order
     */
    public <R extends Record> Response answer(OpenDataset<R> dataset, String fiscalYear, String format,
            HttpHeaders headers, IntConsumer yearCheck, Function<Integer, List<R>> select) {
        OpenDataExport.Format chosen = OpenDataExport.negotiate(format, headers);
        Integer year = OpenDataExport.fiscalYear(fiscalYear, yearCheck);
        return OpenDataExport.respond(dataset, select.apply(year), year, chosen, publisher);
    }
}
