package jp.kyodo.evaluation.api;

import java.net.URI;
import java.util.Arrays;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.service.EvaluationAccess;
import jp.kyodo.evaluation.service.EvaluationReader;
import jp.kyodo.evaluation.service.RoundService;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;

@Path("/api/evaluations")
@Tag(name = "Evaluation plans and rounds")
public class EvaluationPlanResource {

    @Inject
    EvaluationReader reader;

    @Inject
    RoundService rounds;

    @Inject
    EvaluationAccess access;

    @Inject
    AuditTrail audit;

    @GET
    @Operation(summary = "List evaluation plans (評価計画) the caller may read, optionally of one agreement")
    public Page<Views.Plan> plans(@QueryParam("agreementId") UUID agreementId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<EvaluationPlan> rows = reader.plans(agreementId,
                Cursor.decode(page.cursor(), 2), page.fetchSize());
        return Page.of(rows, page.limit(), p -> Cursor.after(p.createdAt.toString(), p.id.toString()), Views.Plan::of);
    }

    @GET
    @Path("items")
    @Operation(summary = "The catalogue of evaluation items (評価項目) of both tracks, with Japanese labels")
    public List<Views.Item> items() {
        return Arrays.stream(EvaluationItem.values()).map(i -> new Views.Item(i, i.track(), i.track().labelJa(),
                i.labelJa(), i.labelEn(), i.target())).toList();
    }

    @GET
    @Path("{planId}")
    @Operation(summary = "Read an evaluation plan: parties, indicators, outcome goals and satisfaction target")
    @APIResponse(responseCode = "200", description = "The plan (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Plan.class)))
    public Response plan(@PathParam("planId") UUID planId) {
        EvaluationPlan plan = reader.plan(planId);
        return Response.ok(Views.Plan.of(plan)).tag(ETags.of(plan.version)).build();
    }

    @GET
    @Path("{planId}/rounds")
    @Operation(summary = "List the rounds of a plan, without scores")
    public Page<Views.RoundSummary> rounds(@PathParam("planId") UUID planId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<EvaluationRound> rows = reader.rounds(planId, Cursor.decode(page.cursor(), 2), page.fetchSize());
        EvaluationPlan plan = reader.plan(planId);
        return Page.of(rows, page.limit(), r -> Cursor.after(r.openedAt.toString(), r.id.toString()),
                r -> Views.RoundSummary.of(r, plan));
    }

    @POST
    @Path("{planId}/rounds")
    @Transactional
    @Idempotent
    @Operation(summary = "Open an INTERIM round for a fiscal year, or the FINAL round (staff of the agreement's department)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "The opened round; Location names it, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.RoundSummary.class)))
    public Response openRound(@PathParam("planId") UUID planId, @Valid @NotNull Requests.OpenRound body) {
        EvaluationRound round = rounds.open(planId, body.kind(), body.fiscalYear(), body.actingFor());
        EvaluationPlan plan = reader.plan(planId);
        return Response.created(URI.create("/api/evaluations/rounds/" + round.id)).tag(ETags.of(round.version))
                .entity(Views.RoundSummary.of(round, plan)).build();
    }

    @GET
    @Path("{planId}/audit-trail")
    @Operation(summary = "Audit trail (監査証跡) of a plan (staff and administrators)")
    public List<AuditEntry> auditTrail(@PathParam("planId") UUID planId) {
        access.requireAuditReader();
        reader.plan(planId);
        return audit.trailOf(planId);
    }
}
