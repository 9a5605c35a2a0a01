package jp.kyodo.platform.opendata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents every published data set once, from its {@link PublishedDataset}: the templated operation of a service's
 * {@link OpenDataEndpoint} becomes one operation per data set of the service, at its own path, with its own id,
 * summary and description, answering 200 with an {@link OpenDataDocument} of its records (JSON) or those records as
 * CSV text, the licence in {@code Link} and {@code X-License}, and a digest of the records as its tag. What other
 * filters documented on the templated operation (a public read's caching) carries over, so this one runs last.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 0)
public class OpenDataDocumentation implements OASFilter {

    /** The tag of every export operation. */
    public static final String TAG = "Open data";
    private static final String TAG_DESCRIPTION = "公開データ: published records as JSON or CSV (UTF-8 with BOM),"
            + " CC BY 4.0, without login";
    /** What every export does alike, after what its own description says of its records. */
    private static final String FORMATS = "Anonymous, CC BY 4.0. JSON by default; CSV (UTF-8 with a byte order mark,"
            + " the column names as header row) with `Accept: text/csv` or `?format=csv`.";
    private static final String TEMPLATE_SEGMENT = "/{" + OpenDataEndpoint.DATASET + "}";

    private static final DotName PUBLISHED = DotName.createSimple(PublishedDataset.class);
    private static final DotName SCHEMA = DotName
            .createSimple(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    private static final String DOCUMENT = OpenDataDocument.class.getSimpleName();

    /** What the document says of one data set. */
    private record Documented(String name, String summary, String description, String records) {

        String operationId() {
            StringBuilder id = new StringBuilder("export");
            for (String word : name.split("-")) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            return id.toString();
        }
    }

    private final List<Documented> datasets = new ArrayList<>();

    public OpenDataDocumentation(IndexView index) {
        for (AnnotationInstance published : index.getAnnotations(PUBLISHED)) {
            ClassInfo rows = published.target().asClass();
            datasets.add(new Documented(published.value("name").asString(), published.value("summary").asString(),
                    published.value("description").asString(), schemaName(rows)));
        }
        datasets.sort(Comparator.comparing(Documented::name));
    }

    /** The name SmallRye gives the record's component: its {@code @Schema(name)}, else its simple name. */
    private static String schemaName(ClassInfo rows) {
        AnnotationInstance schema = rows.declaredAnnotation(SCHEMA);
        if (schema == null) {
            // Without it the record is no component, and the answer would refer to nothing.
            throw new IllegalStateException(rows.name() + " is a @PublishedDataset but carries no @Schema");
        }
        AnnotationValue name = schema.value("name");
        if (name != null && !name.asString().isBlank()) {
            return name.asString();
        }
        String local = rows.name().local();
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
        List<String> templates = api.getPaths().getPathItems().entrySet().stream()
                .filter(path -> path.getValue().getGET() != null
                        && OpenDataEndpoint.OPERATION_ID.equals(path.getValue().getGET().getOperationId()))
                .map(Map.Entry::getKey).toList();
        // A data set without its endpoint, or an endpoint without data sets, would vanish from the document unseen.
        if (templates.size() > 1 || templates.isEmpty() != datasets.isEmpty()) {
            throw new IllegalStateException("one open data endpoint per service serves its data sets " + datasets
                    + "; found " + templates);
        }
        for (String template : templates) {
            Operation templated = api.getPaths().getPathItem(template).getGET();
            api.getPaths().removePathItem(template);
            String base = template.substring(0, template.length() - TEMPLATE_SEGMENT.length());
            for (Documented dataset : datasets) {
                api.getPaths().addPathItem(base + "/" + dataset.name(),
                        OASFactory.createPathItem().GET(export(templated, dataset)));
            }
        }
    }

    /** The templated operation made the data set's own: its path parameter gone, its records answered. */
    private static Operation export(Operation templated, Documented dataset) {
        Operation export = OASFactory.createOperation().operationId(dataset.operationId())
                .summary(dataset.summary()).description(dataset.description() + "\n\n" + FORMATS)
                .tags(templated.getTags()).security(templated.getSecurity())
                .parameters(templated.getParameters().stream()
                        .filter(p -> p.getIn() != Parameter.In.PATH).toList())
                .responses(OASFactory.createAPIResponses());
        templated.getResponses().getAPIResponses().forEach(export.getResponses()::addAPIResponse);
        APIResponse answer = answer(dataset.records());
        // Headers another filter documented (a public read's Cache-Control) stay.
        APIResponse documented = templated.getResponses().getAPIResponse("200");
        if (documented != null && documented.getHeaders() != null) {
            documented.getHeaders().forEach((name, header) -> {
                if (!answer.getHeaders().containsKey(name)) {
                    answer.addHeader(name, header);
                }
            });
        }
        export.getResponses().addAPIResponse("200", answer);
        APIResponse notModified = templated.getResponses().getAPIResponse("304");
        if (notModified != null) {
            // The tag a 304 repeats is the records' digest, not a version to send back in If-Match.
            APIResponse same = OASFactory.createAPIResponse().description(notModified.getDescription());
            if (notModified.getHeaders() != null) {
                notModified.getHeaders().forEach(same::addHeader);
            }
            export.getResponses().addAPIResponse("304", same.addHeader("ETag", answer.getHeaders().get("ETag")));
        }
        return export;
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
