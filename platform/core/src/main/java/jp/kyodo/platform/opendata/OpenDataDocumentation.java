package jp.kyodo.platform.opendata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import jp.kyodo.platform.web.OperationIds;

/**
 * Documents the answer of every published data set once, so that no resource repeats it: an operation marked
 * {@link OpenDataRecords} answers 200 with an {@link OpenDataDocument} whose records are of that type (JSON) or with
 * those records as CSV text, the licence in {@code Link} and {@code X-License}, and a digest of the records as its tag.
 * The record types and {@code OpenDataDocument} are components because their classes carry {@code @Schema}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenDataDocumentation implements OASFilter {

    /** The tag of every export operation. */
    public static final String TAG = "Open data";
    private static final String TAG_DESCRIPTION = "公開データ: published records as JSON or CSV (UTF-8 with BOM),"
            + " CC BY 4.0, without login";
    /** What every export does alike, after what its own description says of its records. */
    private static final String FORMATS = "Anonymous, CC BY 4.0. JSON by default; CSV (UTF-8 with a byte order mark,"
            + " the column names as header row) with `Accept: text/csv` or `?format=csv`.";

    private static final DotName RECORDS = DotName.createSimple(OpenDataRecords.class);
    private static final DotName SCHEMA = DotName
            .createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final String DOCUMENT = OpenDataDocument.class.getSimpleName();

    /** Operation id → the component name of its records' schema. */
    private final Map<String, String> recordSchemas = new HashMap<>();

    public OpenDataDocumentation(IndexView index) {
        for (AnnotationInstance records : index.getAnnotations(RECORDS)) {
            if (records.target().kind() == AnnotationTarget.Kind.METHOD) {
                recordSchemas.put(OperationIds.of(records.target().asMethod()),
                        schemaName(index, records.value().asClass().name()));
            }
        }
    }

    /** The name SmallRye gives the record's component: its {@code @Schema(name)}, else its simple name. */
    private static String schemaName(IndexView index, DotName type) {
        ClassInfo record = index.getClassByName(type);
        AnnotationInstance schema = record == null ? null : record.declaredAnnotation(SCHEMA);
        if (schema == null) {
            // Without it the record is no component, and the answer would refer to nothing.
            throw new IllegalStateException(type + " is named by @OpenDataRecords but carries no @Schema");
        }
        AnnotationValue name = schema.value("name");
        if (name != null && !name.asString().isBlank()) {
            return name.asString();
        }
        String local = type.local();
        return local.substring(local.lastIndexOf('$') + 1);
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        if (api.getTags() != null) {
            api.getTags().stream().filter(tag -> TAG.equals(tag.getName()))
                    .forEach(tag -> tag.setDescription(TAG_DESCRIPTION));
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            Operation get = item.getGET();
            String records = get == null ? null : recordSchemas.get(get.getOperationId());
            if (records != null) {
                document(get, records);
            }
        }
    }

    private static void document(Operation export, String records) {
        if (export.getResponses() == null) {
            export.responses(OASFactory.createAPIResponses());
        }
        APIResponse answer = answer(records);
        // Headers another filter documented (a public read's Cache-Control) stay.
        APIResponse documented = export.getResponses().getAPIResponse("200");
        if (documented != null && documented.getHeaders() != null) {
            documented.getHeaders().forEach((name, header) -> {
                if (!answer.getHeaders().containsKey(name)) {
                    answer.addHeader(name, header);
                }
            });
        }
        export.getResponses().addAPIResponse("200", answer);
        export.setDescription(export.getDescription() == null ? FORMATS : export.getDescription() + "\n\n" + FORMATS);
    }

    private static APIResponse answer(String records) {
        Schema document = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(DOCUMENT))
                .addProperty("records", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(records))
                        .description("The records, one object per CSV row"));
        return OASFactory.createAPIResponse()
                .description("The data set; licence in the Link and X-License headers")
                .content(OASFactory.createContent()
                        .addMediaType(MediaType.APPLICATION_JSON,
                                OASFactory.createMediaType().schema(document))
                        .addMediaType(OpenDataExport.TEXT_CSV, OASFactory.createMediaType().schema(string()
                                .description("The records as CSV: UTF-8 with a byte order mark, the column names as"
                                        + " header row, CRLF line ends"))))
                .addHeader("ETag", header(true, "A digest of the records (weak, one per format): If-None-Match with"
                        + " it answers 304 while they are unchanged", "W/\"csv-Yk3v0Cq1d6mXl2o7m9hQ_A\""))
                .addHeader("Link", header(true, "The licence, as a link of relation `license`",
                        "<" + OpenDataExport.LICENCE_URL + ">; rel=\"license\""))
                .addHeader(OpenDataExport.LICENCE_HEADER, header(true, "The licence's SPDX identifier",
                        OpenDataExport.LICENCE_ID))
                .addHeader("Content-Disposition", header(false, "With CSV: the name to save the file under",
                        "attachment; filename=\"kyodo-agreements-fy2027.csv\""));
    }

    private static Header header(boolean required, String description, String example) {
        return OASFactory.createHeader().required(required).description(description)
                .schema(string().examples(List.of(example)));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
