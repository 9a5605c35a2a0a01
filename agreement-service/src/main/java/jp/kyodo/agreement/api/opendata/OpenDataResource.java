package jp.kyodo.agreement.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.service.opendata.AdoptedPlaceRecord;
import jp.kyodo.agreement.service.opendata.AgreementCostRecord;
import jp.kyodo.agreement.service.opendata.AgreementRecord;
import jp.kyodo.agreement.service.opendata.EndorsedEventRecord;
import jp.kyodo.agreement.service.opendata.GrantRecord;
import jp.kyodo.agreement.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocumentation;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRecords;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.web.PublicRead;

/** Agreements as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/agreements/open-data")
@Tag(name = OpenDataDocumentation.TAG)
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("agreements")
    @Operation(operationId = "exportAgreements", summary = "Agreements in force and completed as open data (協定の公開データ)",
            description = "The public summary of every ACTIVE and COMPLETED agreement (its version in force), oldest first. "
                    + "fiscalYear keeps agreements whose term touches that fiscal year.")
    @OpenDataRecords(AgreementRecord.class)
    public Response agreements(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.AGREEMENTS, request, FiscalYear::of, queries::agreements);
    }

    @GET
    @Path("agreement-costs")
    @Operation(operationId = "exportAgreementCosts", summary = "Costs of agreements per party and fiscal year as open data (協定の費用分担)",
            description = "One record per ACTIVE or COMPLETED agreement, party and fiscal year of its term: the planned cost "
                    + "and, once filed, the actual-cost report (実績報告) and settlement (精算). fiscalYear keeps that year's "
                    + "records.")
    @OpenDataRecords(AgreementCostRecord.class)
    public Response costs(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.COSTS, request, FiscalYear::of, queries::costs);
    }

    @GET
    @Path("subsidy-grants")
    @Operation(operationId = "exportSubsidyGrants", summary = "Subsidy grants as open data (補助金の交付決定と確定額)",
            description = "One record per fiscal year's grant of every SUBSIDY in force or completed: the decision (amount, "
                    + "rate, cap) and, once fixed, the fixed amount — the public record of public money. fiscalYear keeps "
                    + "that year's grants.")
    @OpenDataRecords(GrantRecord.class)
    public Response subsidyGrants(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.GRANTS, request, FiscalYear::of, queries::grants);
    }

    @GET
    @Path("endorsed-events")
    @Operation(operationId = "exportEndorsedEvents", summary = "Endorsed events as open data (後援した事業)",
            description = "Every event the city approved the use of its name for (ENDORSEMENT in force or completed): event, "
                    + "dates, place, organiser, fee, expected audience, approval. fiscalYear keeps events starting in that "
                    + "year.")
    @OpenDataRecords(EndorsedEventRecord.class)
    public Response endorsedEvents(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ENDORSED_EVENTS, request, FiscalYear::of, queries::endorsedEvents);
    }

    @GET
    @Path("adopted-places")
    @Operation(operationId = "exportAdoptedPlaces", summary = "The register of adopted places as open data (アダプト登録箇所)",
            description = "Every public place adopted by a volunteer group (ADOPT_PROGRAM in force or completed): place, kind, "
                    + "location, extent, period, activities reported; the group's name only when it consented (the name of "
                    + "a small residents' group can identify people). fiscalYear keeps registrations in force that year.")
    @OpenDataRecords(AdoptedPlaceRecord.class)
    public Response adoptedPlaces(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ADOPTED_PLACES, request, FiscalYear::of, queries::adoptedPlaces);
    }
}
