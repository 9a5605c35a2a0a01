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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CostSettlements;
import jp.kyodo.platform.idempotency.Idempotent;

/** Actual-cost reports (実績報告) by partners and settlements (精算) by departments. */
@Path("/api/agreements/{id}")
@Tag(name = "Agreements")
public class SettlementResource {

    @Schema(name = "CostReport", description = "An actual-cost report (実績報告)")
    public record CostReportView(UUID id, UUID organizationId, int fiscalYear, JsonNode lines, long plannedTotalYen,
            long actualTotalYen, OffsetDateTime filedAt) {
    }

    @Schema(name = "Settlement", description = "A settlement (精算)")
    public record SettlementView(UUID id, UUID organizationId, int fiscalYear, long confirmedAmountYen,
            long alreadyPaidYen, long toPayYen, long toReturnYen, String note, OffsetDateTime recordedAt) {
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
    @Operation(summary = "File the actual-cost report of a fiscal year (partner, after the year)")
    public Response fileReport(@PathParam("id") UUID id, @Valid @NotNull CostReportRequest body) {
        CostReport report = settlements.fileReport(id, body.actingFor(), body.fiscalYear(), body.lines().stream()
                .map(l -> new CostSettlements.ReportedLine(l.item(), l.actualYen(), l.note())).toList());
        return Response.created(URI.create("/api/agreements/" + id + "/cost-reports")).entity(view(report)).build();
    }

    @GET
    @Path("cost-reports")
    @Operation(summary = "Actual-cost reports of the agreement")
    public List<CostReportView> reports(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return CostReport.allOf(id).stream().map(this::view).toList();
    }

    @POST
    @Path("settlements")
    @Transactional
    @Idempotent
    @Operation(summary = "Record the settlement of a partner's fiscal year (department staff)")
    public Response settle(@PathParam("id") UUID id, @Valid @NotNull SettlementRequest body) {
        Settlement settlement = settlements.recordSettlement(id, body.actingFor(), body.organizationId(),
                body.fiscalYear(), body.confirmedAmountYen(), body.alreadyPaidYen(), body.note());
        return Response.created(URI.create("/api/agreements/" + id + "/settlements"))
                .entity(SettlementView.of(settlement)).build();
    }

    @GET
    @Path("settlements")
    @Operation(summary = "Settlements of the agreement")
    public List<SettlementView> settlements(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return Settlement.allOf(id).stream().map(SettlementView::of).toList();
    }

    private CostReportView view(CostReport r) {
        try {
            return new CostReportView(r.id, r.organizationId, r.fiscalYear, mapper.readTree(r.lines), r.plannedTotalYen,
                    r.actualTotalYen, r.filedAt);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
