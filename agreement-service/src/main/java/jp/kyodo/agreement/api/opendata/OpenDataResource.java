package jp.kyodo.agreement.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.service.opendata.AgreementCostRecord;
import jp.kyodo.agreement.service.opendata.AgreementRecord;
import jp.kyodo.agreement.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.platform.web.PublicRead;

/** Agreements as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/agreements/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("agreements")
    @Operation(operationId = "exportAgreements", summary = "Agreements in force and completed as open data (協定の公開データ)", description = "Anonymous. The "
            + "public summary of every ACTIVE and COMPLETED agreement (its version in force), oldest first; JSON by "
            + "default, CSV with Accept: text/csv or ?format=csv. fiscalYear keeps agreements whose term touches that "
            + "fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = AgreementRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response agreements(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.AGREEMENTS, request, FiscalYear::of, queries::agreements);
    }

    @GET
    @Path("agreement-costs")
    @Operation(operationId = "exportAgreementCosts", summary = "Costs of agreements per party and fiscal year as open data (協定の費用分担)", description = "Anonymous. "
            + "One record per ACTIVE or COMPLETED agreement, party and fiscal year of its term: the planned cost and, "
            + "once filed, the actual-cost report (実績報告) and settlement (精算). JSON by default, CSV with Accept: "
            + "text/csv or ?format=csv; fiscalYear keeps that year's records.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = AgreementCostRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response costs(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.COSTS, request, FiscalYear::of, queries::costs);
    }

    @GET
    @Path("subsidy-grants")
    @Operation(operationId = "exportSubsidyGrants", summary = "Subsidy grants as open data (補助金の交付決定と確定額)", description = "Anonymous. One record per "
            + "fiscal year's grant of every SUBSIDY in force or completed: the decision (amount, rate, cap) and, once "
            + "fixed, the fixed amount — the public record of public money. JSON by default, CSV with Accept: text/csv "
            + "or ?format=csv; fiscalYear keeps that year's grants.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response subsidyGrants(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.GRANTS, request, FiscalYear::of, queries::grants);
    }

    @GET
    @Path("endorsed-events")
    @Operation(operationId = "exportEndorsedEvents", summary = "Endorsed events as open data (後援した事業)", description = "Anonymous. Every event the city "
            + "approved the use of its name for (ENDORSEMENT in force or completed): event, dates, place, organiser, "
            + "fee, expected audience, approval. JSON by default, CSV with Accept: text/csv or ?format=csv; fiscalYear "
            + "keeps events starting in that year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response endorsedEvents(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ENDORSED_EVENTS, request, FiscalYear::of, queries::endorsedEvents);
    }

    @GET
    @Path("adopted-places")
    @Operation(operationId = "exportAdoptedPlaces", summary = "The register of adopted places as open data (アダプト登録箇所)", description = "Anonymous. Every "
            + "public place adopted by a volunteer group (ADOPT_PROGRAM in force or completed): place, kind, location, "
            + "extent, period, activities reported; the group's name only when it consented (the name of a small "
            + "residents' group can identify people). JSON by default, CSV with Accept: text/csv or ?format=csv; "
            + "fiscalYear keeps registrations in force that year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response adoptedPlaces(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ADOPTED_PLACES, request, FiscalYear::of, queries::adoptedPlaces);
    }
}
