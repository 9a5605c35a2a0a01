package jp.kyodo.agreement.api.procedure;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CommissionPerformance;
import jp.kyodo.agreement.service.ProcedureSteps;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** A collaborative commission in force: its inspector, and each fiscal year from completion report to payment. */
@Path("/api/agreements/{id}/commission")
@Tag(name = "Procedures")
public class CommissionResource {


    @Inject
    CommissionPerformance commission;

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @Inject
    ProcedureViews views;

    @POST
    @Path("inspector")
    @Transactional
    @Operation(operationId = "appointCommissionInspector", summary = "Appoint the commission's inspector (検査員)",
            description = "Department staff, once the contract is in force; the inspector is a member of a department "
                    + "party, and only they record the completion inspections.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response appointInspector(@PathParam("id") UUID id, @Valid @NotNull StepRequests.InspectorAppointment body,
            @Context HttpHeaders headers) {
        commission.appointInspector(id, IfMatch.from(headers), body.actingFor(), body.inspectorSubject());
        Agreement agreement = Agreements.find(id);
        return Response.ok(views.of(agreement)).tag(ETags.of(agreement.version)).build();
    }

    @GET
    @Path("years")
    @Operation(operationId = "listCommissionYears", summary = "The commission's fiscal years",
            description = "Parties, city staff, coordinators and administrators.")
    public List<CommissionYearView> list(@PathParam("id") UUID id) {
        access.requireReader(Agreements.find(id));
        return ProcedureTrack.allOf(id, TrackKind.COMMISSION_YEAR).stream()
                .map(t -> CommissionYearView.of(t, ProcedureSteps.today())).toList();
    }

    @GET
    @Path("years/{fiscalYear}")
    @Operation(operationId = "getCommissionYear", summary = "One fiscal year of the commission",
            description = "Parties, city staff, coordinators and administrators; ETag: the agreement's version.")
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response read(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return view(agreement, steps.track(agreement, TrackKind.COMMISSION_YEAR, Integer.toString(fiscalYear)));
    }

    @POST
    @Path("years/{fiscalYear}/advance-payments")
    @Transactional
    @Operation(operationId = "payCommissionAdvance", summary = "Pay part of the year's amount in advance (前金払・概算払)",
            description = "Department staff, while the year is IN_PROGRESS, as the payment terms allow (not for a lump "
                    + "sum, 409) and within their limit; charged to the year (出納整理期間 until 31 May).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response payAdvance(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.AdvancePayment body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.payAdvance(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.amountYen()), body.paidOn()));
    }

    @POST
    @Path("years/{fiscalYear}/completion-report")
    @Transactional
    @Operation(operationId = "reportCommissionCompletion", summary = "Report the year's work complete (完了報告)",
            description = "The partner, while IN_PROGRESS or after the report was returned; the inspection is due within "
                    + "the configured days.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response reportCompletion(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.CompletionReport body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.reportCompletion(id, ifMatch, fiscalYear, body.actingFor(),
                body.completedOn(), body.summary()));
    }

    @POST
    @Path("years/{fiscalYear}/inspection")
    @Transactional
    @Operation(operationId = "inspectCommissionCompletion", summary = "Record the completion inspection (完了検査)",
            description = "The appointed inspector, acting for their department, after the completion report: PASSED "
                    + "(the balance may be invoiced; under 概算払 at the accepted amount) or RETURNED with the findings "
                    + "(the partner reports again).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response inspect(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.Inspection body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.inspect(id, ifMatch, fiscalYear, body.actingFor(),
                body.result() == StepRequests.InspectionResult.PASSED, body.findings(),
                body.finalAmountYen() == null ? null : Yen.of(body.finalAmountYen())));
    }

    @POST
    @Path("years/{fiscalYear}/invoice")
    @Transactional
    @Operation(operationId = "invoiceCommission", summary = "Invoice the year's balance (請求)",
            description = "The partner, after a passed inspection (409 before); exactly the balance due. Payment is "
                    + "due within the configured days (30) of this proper invoice.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response invoice(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.Invoice body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.invoice(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.amountYen())));
    }

    @POST
    @Path("years/{fiscalYear}/payment")
    @Transactional
    @Operation(operationId = "payCommission", summary = "Pay the year's invoice (支払)",
            description = "Department staff, only after the invoice of a passed inspection (409 before); the day paid "
                    + "falls in the year or its closing period (出納整理期間, until 31 May).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response pay(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.Payment body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.pay(id, ifMatch, fiscalYear, body.actingFor(), body.paidOn()));
    }

    @POST
    @Path("years/{fiscalYear}/refund")
    @Transactional
    @Operation(operationId = "recordCommissionRefund", summary = "Record that an estimate paid beyond the accepted "
            + "amount came back (返還)", description = "Department staff, after a refund order.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The year (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommissionYearView.class)))
    public Response recordRefund(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.RefundReceipt body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> commission.recordRefund(id, ifMatch, fiscalYear, body.actingFor(),
                body.receivedOn()));
    }

    private Response step(UUID id, HttpHeaders headers, Function<IfMatch, ProcedureTrack> step) {
        ProcedureTrack track = step.apply(IfMatch.from(headers));
        return view(Agreements.find(id), track);
    }

    private static Response view(Agreement agreement, ProcedureTrack track) {
        return Response.ok(CommissionYearView.of(track, ProcedureSteps.today())).tag(ETags.of(agreement.version))
                .build();
    }
}
