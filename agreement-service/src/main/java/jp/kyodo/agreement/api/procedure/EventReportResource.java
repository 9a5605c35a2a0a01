package jp.kyodo.agreement.api.procedure;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.EventReports;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** Reports after an event: an endorsed event's, a co-hosted event's. */
@Path("/api/agreements/{id}")
@Tag(name = "Procedures")
public class EventReportResource {


    @Inject
    EventReports reports;

    @Inject
    ProcedureViews views;

    @POST
    @Path("endorsement/event-report")
    @Transactional
    @Operation(operationId = "reportEndorsedEvent", summary = "Report on the endorsed event (事業報告)",
            description = "The organiser, once the event was held (409 before); the city records it and the "
                    + "endorsement is complete.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response reportEndorsedEvent(@PathParam("id") UUID id, @Valid @NotNull StepRequests.EventReport body,
            @Context HttpHeaders headers) {
        reports.reportEndorsedEvent(id, IfMatch.from(headers), body.actingFor(), body.heldOn(),
                body.attendance(), body.summary());
        return procedure(id);
    }

    @POST
    @Path("hosted-events/{eventId}/report")
    @Transactional
    @Operation(operationId = "reportHostedEvent", summary = "Report on a co-hosted event (事業報告)",
            description = "Any co-organiser, once the event was held (409 before); due within the configured days "
                    + "after its last day.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The procedure (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProcedureView.class)))
    public Response reportHostedEvent(@PathParam("id") UUID id, @PathParam("eventId") UUID eventId,
            @Valid @NotNull StepRequests.EventReport body, @Context HttpHeaders headers) {
        reports.reportHostedEvent(id, IfMatch.from(headers), eventId, body.actingFor(), body.heldOn(),
                body.attendance(), body.summary(), body.actualCostYen() == null ? null : Yen.of(body.actualCostYen()));
        return procedure(id);
    }

    private Response procedure(UUID id) {
        Agreement agreement = Agreements.find(id);
        return Response.ok(views.of(agreement)).tag(ETags.of(agreement.version)).build();
    }
}
