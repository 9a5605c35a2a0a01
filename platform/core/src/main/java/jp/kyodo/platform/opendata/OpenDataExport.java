package jp.kyodo.platform.opendata;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.PublicReads;

/**
 * Answers a request for a published data set (公開データ) in the format the client asked for: JSON (the default) or
 * CSV as the spreadsheet software of city offices opens it, UTF-8 with a byte order mark, CRLF line ends and quoting
 * done by Jackson's CSV writer. Both carry the licence, CC BY 4.0: JSON in its {@code licence} object, both in the
 * {@code Link: <…>; rel="license"} and {@code X-License} headers.
 * <p>
 * Every service that publishes open data answers through this class (by way of {@link OpenDataResponses}), so that
 * the formats cannot drift apart. It knows nothing of the records: a service declares an {@link OpenDataset} over its
 * own record type, filters its records and hands them over.
 */
public final class OpenDataExport {

    public static final String TEXT_CSV = "text/csv";
    public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8; header=present";
    public static final String LICENCE_ID = "CC-BY-4.0";
    public static final String LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)";
    public static final String LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/";
    public static final String LICENCE_HEADER = "X-License";
    /** The configuration key naming the publisher credited in the licence (出典), normally the city. */
    public static final String PUBLISHER_PROPERTY = "kyodo.open-data.publisher";
    /** Separates the elements of a list column in CSV (codes and ids, which never contain it). */
    public static final String LIST_SEPARATOR = ";";
    /** Separates the elements of a free-text list column in CSV: a line break inside the quoted cell. */
    public static final String LINE_SEPARATOR_IN_CELL = "\n";
    static final char BYTE_ORDER_MARK = '\uFEFF';

    /**
     * Jackson's default quoting: every value that needs quotes gets them (and long ones always do). Not
     * STRICT_CHECK_FOR_QUOTING: in 2.20 it leaves a value with a bare line feed unquoted, which breaks the row.
     */
    private static final CsvMapper CSV = new CsvMapper();

    /** What the client receives; {@code ?format=} names it in lower case. */
    public enum Format {
        JSON, CSV;

        /** {@code csv} or {@code json}, in any case (the query parameter). */
        public static Format fromString(String value) {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    private OpenDataExport() {
    }

    /**
     * {@code ?format=csv|json} decides; otherwise the client's {@code Accept}, in its order of preference: text/csv
     * (or text/*) gives CSV, application/json or a wildcard gives JSON. Without either, JSON.
     */
    public static Format negotiate(Format format, HttpHeaders headers) {
        if (format != null) {
            return format;
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Format.JSON;
            }
            if ("text".equalsIgnoreCase(type.getType()) && (type.isWildcardSubtype() || "csv".equalsIgnoreCase(type.getSubtype()))) {
                return Format.CSV;
            }
        }
        return Format.JSON;
    }

    /** The data set's records in the chosen format, with the licence. */
    public static <R extends Record> Response respond(OpenDataset<R> dataset, List<R> records, Integer fiscalYear,
            Format format, String publisher) {
        byte[] csv = csv(dataset, records);
        // The records decide the tag (the JSON's generatedAt does not): weak, since two answers with one tag may differ
        // in that timestamp; per format, since CSV and JSON are different representations.
        EntityTag tag = new EntityTag(format.name().toLowerCase(Locale.ROOT) + "-" + PublicReads.digest(csv),
                true);
        Response.ResponseBuilder response = PublicReads.publicly(Response.ok())
                .tag(tag)
                .header("Link", "<" + LICENCE_URL + ">; rel=\"license\"")
                .header(LICENCE_HEADER, LICENCE_ID)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (format == Format.CSV) {
            return response.type(CSV_CONTENT_TYPE).entity(csv)
                    .header("Content-Disposition", "attachment; filename=\"" + fileName(dataset, fiscalYear) + "\"")
                    .build();
        }
        return response.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(new OpenDataDocument<>(dataset.name(), dataset.title(), publisher, licence(publisher),
                        fiscalYear, Instant.now(), dataset.columns(), records.size(), records))
                .build();
    }

    public static OpenDataDocument.Licence licence(String publisher) {
        return new OpenDataDocument.Licence(LICENCE_ID, LICENCE_NAME, LICENCE_URL, "出典: " + publisher);
    }

    static String fileName(OpenDataset<?> dataset, Integer fiscalYear) {
        return "kyodo-" + dataset.name() + (fiscalYear == null ? "" : "-fy" + fiscalYear) + ".csv";
    }

    /** UTF-8 with a byte order mark; a header row (even without records); CRLF after every row. */
    static <R extends Record> byte[] csv(OpenDataset<R> dataset, List<R> records) {
        List<String> columns = dataset.columns();
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        StringWriter out = new StringWriter();
        out.write(BYTE_ORDER_MARK);
        try (SequenceWriter writer = CSV.writer(schema.build().withoutHeader().withLineSeparator("\r\n"))
                .writeValues(out)) {
            writer.write(columns);
            RecordComponent[] components = dataset.rowType().getRecordComponents();
            for (RecordComponent component : components) {
                // A row type need not be public: its accessors are read from outside its package.
                component.getAccessor().trySetAccessible();
            }
            for (R record : records) {
                List<String> cells = new ArrayList<>(components.length);
                for (RecordComponent component : components) {
                    String separator = dataset.multiLineColumns().contains(component.getName()) ? LINE_SEPARATOR_IN_CELL
                            : LIST_SEPARATOR;
                    cells.add(cell(value(component, record), separator));
                }
                writer.write(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read column " + component.getName(), e);
        }
    }

    /** Empty for null; ISO 8601 for times (UTC) and dates; codes for enums; lists joined by the separator. */
    static String cell(Object value, String separator) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(element -> cell(element, separator)).collect(Collectors.joining(separator));
        }
        if (value instanceof Enum<?> code) {
            return code.name();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        return value.toString();
    }
}
