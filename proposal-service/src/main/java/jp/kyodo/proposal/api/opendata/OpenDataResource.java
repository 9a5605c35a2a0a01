package jp.kyodo.proposal.api.opendata;

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

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.proposal.service.opendata.AdoptedProposalRecord;
import jp.kyodo.proposal.service.opendata.OpenDataQueries;
import jp.kyodo.proposal.service.opendata.ThemeOutcomeRecord;
import jp.kyodo.platform.web.PublicRead;

/** Proposals as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/proposals/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("adopted-proposals")
    @Operation(operationId = "exportAdoptedProposals", summary = "Adopted proposals as open data (採択提案の公開データ)", description = "Anonymous. Every ADOPTED "
            + "proposal with its decision, the committee's rationale and the aggregate screening result, ordered by "
            + "fiscal year and reference number; JSON by default, CSV with Accept: text/csv or ?format=csv. fiscalYear "
            + "is the proposal's fiscal year (that of its theme, or of its submission).")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = AdoptedProposalRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response adoptedProposals(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ADOPTED_PROPOSALS, request, FiscalYear::of, queries::adoptedProposals);
    }

    @GET
    @Path("theme-outcomes")
    @Operation(operationId = "exportThemeOutcomes", summary = "Proposal counts per theme as open data (テーマ別の提案件数)", description = "Anonymous. For every "
            + "published theme, how many proposals were received and how they ended; citizen-initiated proposals, "
            + "which answer no theme, are counted per fiscal year in a row without theme. Counts only: proposals not "
            + "adopted are never listed one by one. fiscalYear is the theme's (or the proposals') fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = ThemeOutcomeRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response themeOutcomes(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.THEME_OUTCOMES, request, FiscalYear::of, queries::themeOutcomes);
    }
}
