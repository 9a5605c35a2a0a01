package jp.kyodo.directory.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.service.opendata.OpenDataQueries;
import jp.kyodo.directory.service.opendata.OrganizationRecord;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.web.PublicRead;

/** The public directory as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/directory/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("organizations")
    @Operation(operationId = "exportOrganizations", summary = "Verified organisations as open data (団体の公開データ)", description = "Anonymous. Every VERIFIED "
            + "organisation's public fields, in kana order; JSON by default, CSV with Accept: text/csv or ?format=csv. "
            + "fiscalYear keeps those registered in that fiscal year (April–March, Asia/Tokyo).")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = OrganizationRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response organizations(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ORGANIZATIONS, request, FiscalYear::of, queries::organizations);
    }
}
