package jp.kyodo.agreement.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CostSettlements;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** Actual-cost reports (実績報告) by partners and settlements (精算) by departments. */
@Path("/api/agreements/{id}")
@Tag(name = "Agreements")
public class SettlementResource {

    @Schema(name = "CostReport", description = "An actual-cost report (実績報告)")
    public record CostReportView(@Schema(description = "Id") UUID id,
            @Schema(description = "The partner that filed it") UUID organizationId,
            @Schema(description = "Fiscal year (年度) reported") int fiscalYear,
            @Schema(description = "What was actually spent, line by line, as filed")
            List<CostReportRequest.Line> lines,
            @Schema(description = "The party's planned cost for the year (予算額), whole yen") long plannedTotalYen,
            @Schema(description = "Sum of the lines (実績額), whole yen") long actualTotalYen,
            @Schema(description = "When it was filed") OffsetDateTime filedAt) {
    }

    @Schema(name = "Settlement", description = "A settlement (精算)")
    public record SettlementView(@Schema(description = "Id") UUID id,
            @Schema(description = "The partner settled with") UUID organizationId,
            @Schema(description = "Fiscal year (年度) settled") int fiscalYear,
            @Schema(description = "Amount confirmed (確定額), whole yen") long confirmedAmountYen,
            @Schema(description = "Already paid to the partner (交付済額), whole yen") long alreadyPaidYen,
            @Schema(description = "Still to be paid by the city (追加交付額), whole yen") long toPayYen,
            @Schema(description = "To be returned to the city (返還額), whole yen") long toReturnYen,
            @Schema(description = "Note", nullable = true) String note,
            @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {
        static SettlementView of(Settlement s) {
            return new SettlementView(s.id, s.organizationId, s.fiscalYear, s.confirmedAmountYen, s.alreadyPaidYen,
                    s.toPayYen, s.toReturnYen, s.note, s.recordedAt);
        }
    }

    @Inject
    CostSettlements settlements;

    @Inject
    AgreementAccess access;

    @Inject
    ObjectMapper mapper;

    @POST
    @Path("cost-reports")
    @Transactional
    @Idempotent
    @Operation(operationId = "fileCostReport", summary = "File the actual-cost report of a fiscal year (partner, after the year)",
            description = "A partner files what it actually spent in a fiscal year of the agreement's term (実績報告), line by "
                    + "line, once the year is over. One report per party and fiscal year.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The filed report",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CostReportView.class)))
    public Response fileReport(@PathParam("id") UUID id, @Valid @NotNull CostReportRequest body) {
        CostReport report = settlements.fileReport(id, body.actingFor(), body.fiscalYear(), body.lines().stream()
                .map(l -> new CostSettlements.ReportedLine(l.item(), l.actualYen(), l.note())).toList());
        return Response.created(URI.create("/api/agreements/" + id + "/cost-reports")).entity(view(report)).build();
    }

    @GET
    @Path("cost-reports")
    @Operation(operationId = "listCostReports", summary = "Actual-cost reports of the agreement",
            description = "The actual-cost reports the parties filed, per party and fiscal year, as they were filed.")
    public List<CostReportView> reports(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return CostReport.allOf(id).stream().map(this::view).toList();
    }

    @POST
    @Path("settlements")
    @Transactional
    @Idempotent
    @Operation(operationId = "recordSettlement", summary = "Record the settlement of a partner's fiscal year (department staff)",
            description = "The department's staff settle a partner's fiscal year against its report (精算): the confirmed "
                    + "amount and what the city still pays or the partner returns.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The recorded settlement",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SettlementView.class)))
    public Response settle(@PathParam("id") UUID id, @Valid @NotNull SettlementRequest body) {
        Settlement settlement = settlements.recordSettlement(id, body.actingFor(), body.organizationId(),
                body.fiscalYear(), body.confirmedAmountYen(), body.alreadyPaidYen(), body.note());
        return Response.created(URI.create("/api/agreements/" + id + "/settlements"))
                .entity(SettlementView.of(settlement)).build();
    }

    @GET
    @Path("settlements")
    @Operation(operationId = "listSettlements", summary = "Settlements of the agreement",
            description = "The settlements recorded for the agreement, per party and fiscal year.")
    public List<SettlementView> settlements(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return Settlement.allOf(id).stream().map(SettlementView::of).toList();
    }

    private static final TypeReference<List<CostReportRequest.Line>> LINES = new TypeReference<>() {
    };

    private CostReportView view(CostReport r) {
        try {
            // Read as the typed lines, so that the answer omits an absent note as every answer does.
            return new CostReportView(r.id, r.organizationId, r.fiscalYear, mapper.readValue(r.lines, LINES),
                    r.plannedTotalYen, r.actualTotalYen, r.filedAt);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
