package jp.kyodo.directory.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.service.opendata.OpenDataQueries;
import jp.kyodo.directory.service.opendata.OrganizationRecord;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocumentation;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRecords;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.web.PublicRead;

/** The public directory as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/directory/open-data")
@Tag(name = OpenDataDocumentation.TAG)
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("organizations")
    @Operation(operationId = "exportOrganizations", summary = "Verified organisations as open data (団体の公開データ)",
            description = "Every VERIFIED organisation's public fields, in kana order. fiscalYear keeps those registered in "
                    + "that fiscal year (April–March, Asia/Tokyo).")
    @OpenDataRecords(OrganizationRecord.class)
    public Response organizations(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ORGANIZATIONS, request, FiscalYear::of, queries::organizations);
    }
}
