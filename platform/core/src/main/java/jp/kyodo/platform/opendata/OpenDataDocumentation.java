package jp.kyodo.platform.opendata;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The answer every data set gives, documented once: JSON (the document of the data set's records, typed by the
 * resource method's {@code RestResponse<OpenDataDocument<R>>}), or CSV text, with the licence in two headers. Applied
 * at build time to every read under {@code /open-data/}, so that a service's resource declares only what is its own.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenDataDocumentation implements OASFilter {

    static final String PATH_SEGMENT = "/open-data/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            // The generic document, as scanned; every answer refers to its typed form (OpenDataDocumentXRecord).
            openAPI.getComponents().removeSchema(OpenDataDocument.class.getSimpleName());
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Operation read = path.getValue().getGET();
            if (path.getKey().contains(PATH_SEGMENT) && read != null && read.getResponses() != null
                    && read.getResponses().getAPIResponse("200") != null) {
                document(read.getResponses().getAPIResponse("200"));
            }
        }
    }

    private static void document(APIResponse ok) {
        ok.setDescription("The data set: JSON by default, CSV (UTF-8 with a byte order mark) with Accept: text/csv "
                + "or ?format=csv; licence CC BY 4.0 in the Link and X-License headers");
        Content content = ok.getContent() == null ? OASFactory.createContent() : ok.getContent();
        content.addMediaType(OpenDataExport.TEXT_CSV, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The records as CSV rows under a header row of the column names")));
        ok.setContent(content);
        ok.addHeader("Link", header("<" + OpenDataExport.LICENCE_URL + ">; rel=\"license\": the licence"));
        ok.addHeader(OpenDataExport.LICENCE_HEADER, header("The licence's SPDX identifier, " + OpenDataExport.LICENCE_ID));
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
