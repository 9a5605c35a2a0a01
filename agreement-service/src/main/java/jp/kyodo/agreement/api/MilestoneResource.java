package jp.kyodo.agreement.api;

import java.time.LocalDate;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.MilestoneProgress;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.MilestoneTracking;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;

/** Milestones (工程) and reflection points (振り返り) of agreements in force. */
@Path("/api/agreements")
@Tag(name = "Agreements")
public class MilestoneResource {

    @Schema(name = "MilestoneReached", description = "A milestone recorded as reached")
    public record ReachedView(@Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "The milestone or reflection point (工程・振り返り)") UUID milestoneId,
            @Schema(description = "The day it was reached") LocalDate reachedOn,
            @Schema(description = "Note", nullable = true) String note,
            @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {
    }

    @Inject
    MilestoneTracking milestones;

    @Inject
    AgreementAccess access;

    @GET
    @Path("milestones/overdue")
    @Operation(operationId = "listOverdueMilestones", summary = "Milestones of ACTIVE agreements past their due date and not reached (staff)",
            description = "A cursor page of the milestones and reflection points of ACTIVE agreements whose due date has passed without being reached, so that staff can follow up with the parties.")
    public Page<MilestoneTracking.Overdue> overdue(@QueryParam("asOf") LocalDate asOf,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        access.requireStaff();
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 3);
        List<MilestoneTracking.Overdue> all = milestones.overdue(asOf == null ? LocalDate.now(FiscalYear.CITY_ZONE) : asOf);
        List<MilestoneTracking.Overdue> rest = after == null ? all : all.stream().filter(o -> key(o).compareTo(
                after.value(0) + "|" + after.value(1) + "|" + after.value(2)) > 0).toList();
        return Page.of(rest.subList(0, Math.min(rest.size(), page.fetchSize())), page.limit(),
                o -> Cursor.after(o.dueDate().toString(), o.agreementId().toString(), o.milestoneId().toString()),
                o -> o);
    }

    @POST
    @Path("{id}/milestones/{milestoneId}/reached")
    @Transactional
    @Operation(operationId = "recordMilestoneReached", summary = "Record that a milestone or reflection point was reached (a party)",
            description = "A party records the day a milestone or reflection point (工程・振り返り) of an ACTIVE agreement was "
                    + "reached, with a note; it then no longer counts as overdue.")
    @APIResponse(responseCode = "200", description = "The milestone as reached",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReachedView.class)))
    public Response reached(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId,
            @Valid @NotNull MilestoneReachedRequest body) {
        MilestoneProgress p = milestones.reached(id, milestoneId, body.actingFor(), body.reachedOn(), body.note());
        return Response.ok(new ReachedView(id, milestoneId, p.reachedOn, p.note, p.recordedAt)).build();
    }

    private static String key(MilestoneTracking.Overdue o) {
        return o.dueDate() + "|" + o.agreementId() + "|" + o.milestoneId();
    }
}
