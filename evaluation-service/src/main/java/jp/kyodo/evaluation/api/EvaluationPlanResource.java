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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import jp.kyodo.platform.web.SharedApiDocumentation;

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
    @Operation(operationId = "listEvaluationPlans", summary = "List evaluation plans (評価計画) the caller may read, optionally of one agreement",
            description = "A cursor page of the evaluation plans the caller may read, optionally of one agreement. A plan is made for every agreement when it comes into force.")
    public Page<Views.Plan> plans(@QueryParam("agreementId") UUID agreementId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<EvaluationPlan> rows = reader.plans(agreementId,
                Cursor.decode(page.cursor(), 2), page.fetchSize());
        return Page.of(rows, page.limit(), p -> Cursor.after(p.createdAt.toString(), p.id.toString()), Views.Plan::of);
    }

    @GET
    @Path("items")
    @Operation(operationId = "listEvaluationItems", summary = "The catalogue of evaluation items (評価項目) of both tracks, with Japanese labels",
            description = "The fixed catalogue of what every party scores, for the project track (事業の評価) and the collaboration track (協働の評価), with labels in Japanese and English and whether an item is scored once, per indicator or per outcome goal.")
    public List<Views.Item> items() {
        return Arrays.stream(EvaluationItem.values()).map(i -> new Views.Item(i, i.track(), i.track().labelJa(),
                i.labelJa(), i.labelEn(), i.target())).toList();
    }

    @GET
    @Path("{planId}")
    @Operation(operationId = "getEvaluationPlan", summary = "Read an evaluation plan: parties, indicators, outcome goals and satisfaction target",
            description = "An agreement's evaluation plan: the parties who each assess on their own, the activity "
                    + "indicators and outcome goals with their targets, and the beneficiary-satisfaction target, as "
                    + "the agreement fixed them.")
    @APIResponse(responseCode = "200", description = "The plan (ETag: its version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Plan.class)))
    public Response plan(@PathParam("planId") UUID planId) {
        EvaluationPlan plan = reader.plan(planId);
        return Response.ok(Views.Plan.of(plan)).tag(ETags.of(plan.version)).build();
    }

    @GET
    @Path("{planId}/rounds")
    @Operation(operationId = "listEvaluationRounds", summary = "List the rounds of a plan, without scores",
            description = "The interim and final rounds of a plan with their state and dates; scores are read per round.")
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
    @Operation(operationId = "openEvaluationRound", summary = "Open an INTERIM round for a fiscal year, or the FINAL round (staff of the agreement's department)",
            description = "Opens a round for the parties' self-assessments: an INTERIM round for one fiscal year of the "
                    + "term, or the FINAL round once the agreement has ended. Announces evaluation.round-opened.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The opened round; Location names it, ETag its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.RoundSummary.class)))
    public Response openRound(@PathParam("planId") UUID planId, @Valid @NotNull Requests.OpenRound body) {
        EvaluationRound round = rounds.open(planId, body.kind(), body.fiscalYear(), body.actingFor());
        EvaluationPlan plan = reader.plan(planId);
        return Response.created(URI.create("/api/evaluations/rounds/" + round.id)).tag(ETags.of(round.version))
                .entity(Views.RoundSummary.of(round, plan)).build();
    }

    @GET
    @Path("{planId}/audit-trail")
    @Operation(operationId = "getEvaluationPlanAuditTrail", summary = "Audit trail (監査証跡) of a plan (staff and administrators)",
            description = "Every change of the plan's rounds with who made it, when and why, oldest first.")
    public List<AuditEntry> auditTrail(@PathParam("planId") UUID planId) {
        access.requireAuditReader();
        reader.plan(planId);
        return audit.trailOf(planId);
    }
}
