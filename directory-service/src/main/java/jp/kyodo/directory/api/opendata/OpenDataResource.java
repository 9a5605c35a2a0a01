package jp.kyodo.directory.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import jp.kyodo.directory.service.opendata.OrganizationRecord;
import jp.kyodo.directory.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataEndpoints;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRequest;

/** The public directory as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@Path("/api/directory/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource extends OpenDataEndpoints {

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("organizations")
    @Operation(summary = "Verified organisations as open data (団体の公開データ)", description = "Anonymous. Every VERIFIED "
            + "organisation's public fields, in kana order; JSON by default, CSV with Accept: text/csv or ?format=csv. "
            + "fiscalYear keeps those registered in that fiscal year (April–March, Asia/Tokyo).")
    public RestResponse<OpenDataDocument<OrganizationRecord>> organizations(@BeanParam OpenDataRequest request) {
        return answer(OpenDataQueries.ORGANIZATIONS, request, FiscalYear::of, queries::organizations);
    }
}
