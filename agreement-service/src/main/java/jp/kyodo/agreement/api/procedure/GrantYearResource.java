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

import jp.kyodo.agreement.api.ReasonedRequest;
import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.GrantYears;
import jp.kyodo.agreement.service.ProcedureSteps;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** A subsidy's grants, one per fiscal year: from the decision to the payment or refund. */
@Path("/api/agreements/{id}/grant-years")
@Tag(name = "Procedures")
public class GrantYearResource {


    @Inject
    GrantYears grants;

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @GET
    @Operation(operationId = "listGrantYears", summary = "The subsidy's grants by fiscal year",
            description = "Parties, city staff, coordinators and administrators.")
    public List<GrantYearView> list(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return ProcedureTrack.allOf(id, TrackKind.GRANT_YEAR).stream()
                .map(t -> GrantYearView.of(t, ProcedureSteps.today())).toList();
    }

    @GET
    @Path("{fiscalYear}")
    @Operation(operationId = "getGrantYear", summary = "One fiscal year's grant",
            description = "Parties, city staff, coordinators and administrators; ETag: the agreement's version.")
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response read(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return view(agreement, steps.track(agreement, TrackKind.GRANT_YEAR, Integer.toString(fiscalYear)));
    }

    @POST
    @Path("{fiscalYear}/advance-payments")
    @Transactional
    @Operation(operationId = "payGrantAdvance", summary = "Pay part of the grant in advance (概算払)",
            description = "Department staff; while the grant is DECIDED. Advances never exceed the decided amount; the "
                    + "payment is charged to the grant's fiscal year, so it may be made until 31 May of the next one.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response payAdvance(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.AdvancePayment body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.payAdvance(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.amountYen()), body.paidOn()));
    }

    @POST
    @Path("{fiscalYear}/results-report")
    @Transactional
    @Operation(operationId = "reportGrantResults", summary = "File the year's results report (実績報告)",
            description = "The partner; while the grant is DECIDED. The amount is then fixed by the city.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response reportResults(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.GrantResultsReport body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.reportResults(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.actualCostYen()), body.summary()));
    }

    @POST
    @Path("{fiscalYear}/amount-fixing")
    @Transactional
    @Operation(operationId = "fixGrantAmount", summary = "Fix the grant's amount (額の確定)",
            description = "The department's signatory; after the results report. The amount is the smallest of the "
                    + "decided amount, the eligible actual costs × the rate and the cap, rounded down to the thousand "
                    + "yen; a fixed amount above it (or above the decision) is a 400. Against the advances it leaves a "
                    + "balance to invoice, a refund to order (返還命令), or nothing.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response fixAmount(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.AmountFixing body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.fixAmount(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.eligibleCostYen()), body.fixedAmountYen() == null ? null : Yen.of(body.fixedAmountYen())));
    }

    @POST
    @Path("{fiscalYear}/invoice")
    @Transactional
    @Operation(operationId = "invoiceGrant", summary = "Invoice the balance of the fixed amount (請求)",
            description = "The partner; after the amount is fixed with a balance to pay. The amount must be exactly "
                    + "the balance. Payment is due within the configured days.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response invoice(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.Invoice body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.invoice(id, ifMatch, fiscalYear, body.actingFor(),
                Yen.of(body.amountYen())));
    }

    @POST
    @Path("{fiscalYear}/payment")
    @Transactional
    @Operation(operationId = "payGrant", summary = "Pay the invoice (支払)",
            description = "Department staff; after the invoice. Charged to the grant's fiscal year: the day paid must "
                    + "fall in that year or its closing period (出納整理期間, until 31 May of the next).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response pay(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.Payment body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.pay(id, ifMatch, fiscalYear, body.actingFor(), body.paidOn()));
    }

    @POST
    @Path("{fiscalYear}/refund")
    @Transactional
    @Operation(operationId = "recordGrantRefund", summary = "Record that the refund ordered was received (返還)",
            description = "Department staff; after a refund order (an advance above the fixed amount, or a cancellation).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response recordRefund(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull StepRequests.RefundReceipt body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.recordRefund(id, ifMatch, fiscalYear, body.actingFor(),
                body.receivedOn()));
    }

    @POST
    @Path("{fiscalYear}/cancellation")
    @Transactional
    @Operation(operationId = "cancelGrant", summary = "Cancel the grant decision (交付決定の取消)",
            description = "The department's signatory, with the reason; whatever was paid is ordered back (返還命令).")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The grant (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = GrantYearView.class)))
    public Response cancel(@PathParam("id") UUID id, @PathParam("fiscalYear") @Parameter(description = "Fiscal year (年度) of the agreement's term", schema = @Schema(ref = "FiscalYear")) int fiscalYear,
            @Valid @NotNull ReasonedRequest body, @Context HttpHeaders headers) {
        return step(id, headers, ifMatch -> grants.cancel(id, ifMatch, fiscalYear, body.actingFor(), body.reason()));
    }

    private Response step(UUID id, HttpHeaders headers, Function<IfMatch, ProcedureTrack> step) {
        ProcedureTrack track = step.apply(IfMatch.from(headers));
        return view(Agreements.find(id), track);
    }

    private static Response view(Agreement agreement, ProcedureTrack track) {
        return Response.ok(GrantYearView.of(track, ProcedureSteps.today())).tag(ETags.of(agreement.version)).build();
    }
}
