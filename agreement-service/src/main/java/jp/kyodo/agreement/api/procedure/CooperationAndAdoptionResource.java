package jp.kyodo.agreement.api.procedure;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import jp.kyodo.agreement.procedure.SupplyRequest;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CooperationAndAdoption;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** Goods lent for a project cooperation, activity reports, and an adopt group's requests for supplies. */
@Path("/api/agreements/{id}")
@Tag(name = "Procedures")
public class CooperationAndAdoptionResource {


    @Schema(name = "GoodsReturnRequest", description = "Goods lent coming back to the city (返却)")
    public record GoodsReturn(
            @Schema(description = "The department receiving them", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day returned", required = true, format = "date") @NotNull LocalDate returnedOn,
            @Schema(description = "Their condition (返却時の状態)", maxLength = 2000) @Size(max = 2000) String condition) {
    }

    @Schema(name = "SupplyRequestRequest", description = "A request for supplies (物品支給申請) by an adopt group")
    public record SupplyRequestBody(
            @Schema(description = "The group requesting", required = true) @NotNull UUID actingFor,
            @Schema(description = "What is needed", required = true) @NotNull @Size(min = 1, max = 50)
            List<@Valid @NotNull Item> items,
            @Schema(description = "Needed by: from today to the end of the adoption's term", format = "date") LocalDate neededBy,
            @Schema(description = "Note", maxLength = 2000) @Size(max = 2000) String note) {
    }

    @Schema(name = "SupplyRequestItem", description = "An item requested")
    public record Item(
            @Schema(description = "What, e.g. ごみ袋 (45L)", required = true, maxLength = 200) @NotBlank @Size(max = 200)
            String item,
            @Schema(description = "How many", required = true, minimum = "1", maximum = "100000") @NotNull @Min(1)
            @Max(100_000) Integer quantity) {
    }

    @Schema(name = "SupplyDecisionRequest", description = "The department's answer to a request for supplies")
    public record SupplyDecision(
            @Schema(description = "The department answering", required = true) @NotNull UUID actingFor,
            @Schema(description = "Whether the supplies are given (支給) or not", required = true) @NotNull Boolean approved,
            @Schema(description = "The answer (when and where to collect them, or why not)", maxLength = 2000)
            @Size(max = 2000) String answer) {
    }

    @Inject
    CooperationAndAdoption steps;

    @Inject
    ProcedureViews views;

    @POST
    @Path("lent-goods/{goodsId}/return")
    @Transactional
    @Operation(operationId = "returnLentGoods", summary = "Record goods lent coming back (返却)",
            description = "Department staff, for a project cooperation in force; its goods are due back by the date "
                    + "in the terms.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response returnGoods(@PathParam("id") UUID id, @PathParam("goodsId") UUID goodsId,
            @Valid @NotNull GoodsReturn body, @Context HttpHeaders headers) {
        steps.returnGoods(id, IfMatch.from(headers), goodsId, body.actingFor(), body.returnedOn(),
                body.condition());
        return procedure(id, Response.Status.OK);
    }

    @POST
    @Path("activity-reports")
    @Transactional
    @Idempotent
    @Operation(operationId = "fileActivityReport", summary = "File an activity report (活動報告)",
            description = "The partner of a project cooperation (the next reporting period) or an adopt group (one "
                    + "activity), while in force.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The procedure with the report (ETag: the agreement's new version)",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
                    @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response fileActivityReport(@PathParam("id") UUID id, @Valid @NotNull ActivityReportRequest body) {
        if (body instanceof ActivityReportRequest.AdoptReport a) {
            steps.reportActivity(id, a.actingFor(), a.activityOn(), a.participants(), a.workDone(),
                    a.wasteCollectedKg(), a.summary());
        } else {
            steps.reportPeriod(id, body.actingFor(), ((ActivityReportRequest.CooperationReport) body).summary());
        }
        return procedure(id, Response.Status.CREATED);
    }

    @POST
    @Path("supply-requests")
    @Transactional
    @Idempotent
    @Operation(operationId = "requestAdoptSupplies", summary = "Request supplies for the adopted place (物品支給申請)",
            description = "The adopt group, while in force; the department answers within the configured days.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The procedure with the request (ETag: the agreement's new version)",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
                    @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response requestSupplies(@PathParam("id") UUID id, @Valid @NotNull SupplyRequestBody body) {
        steps.requestSupplies(id, body.actingFor(),
                body.items().stream().map(i -> new SupplyRequest.Item(i.item(), i.quantity())).toList(), body.neededBy(),
                body.note());
        return procedure(id, Response.Status.CREATED);
    }

    @POST
    @Path("supply-requests/{requestId}/decision")
    @Transactional
    @Operation(operationId = "decideAdoptSupplies", summary = "Answer a request for supplies (支給決定)",
            description = "Department staff: the supplies are given, or not, with an answer.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response decideSupplies(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
            @Valid @NotNull SupplyDecision body, @Context HttpHeaders headers) {
        steps.decideSupplies(id, IfMatch.from(headers), requestId, body.actingFor(), body.approved(),
                body.answer());
        return procedure(id, Response.Status.OK);
    }

    private Response procedure(UUID id, Response.Status status) {
        Agreement agreement = Agreements.find(id);
        Response.ResponseBuilder answer = status == Response.Status.CREATED
                ? Response.created(URI.create("/api/agreements/" + id + "/procedure"))
                : Response.ok();
        return answer.entity(views.of(agreement)).tag(ETags.of(agreement.version)).build();
    }
}
