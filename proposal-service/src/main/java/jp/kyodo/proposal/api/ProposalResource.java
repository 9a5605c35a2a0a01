package jp.kyodo.proposal.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.PublicRead;
import jp.kyodo.platform.web.PublicReads;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ScreeningResult;
import jp.kyodo.proposal.service.ProposalAccess;
import jp.kyodo.proposal.service.ProposalQueries;
import jp.kyodo.proposal.service.ProposalService;
import jp.kyodo.proposal.service.ScreeningService;

@Path("/api/proposals")
@Tag(name = "Proposals", description = "Collaboration proposals (協働事業提案) from draft to decision")
public class ProposalResource {

    static final String ID = "{id: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    @Inject
    ProposalService proposals;

    @Inject
    ProposalQueries queries;

    @Inject
    ScreeningService screenings;

    @Inject
    ProposalAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    AuditTrail audit;

    @POST
    @Transactional
    @Idempotent
    @Operation(summary = "Create a draft proposal (提案の作成) for an organisation the caller belongs to")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "The draft; Location names it, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response create(@Valid @NotNull ProposalRequest body) {
        Proposal proposal = proposals.createDraft(body.actingFor(), body.themeId(), body.toContent());
        return Response.created(URI.create("/api/proposals/" + proposal.id)).tag(ETags.of(proposal.version))
                .entity(ProposalView.of(proposal, null)).build();
    }

    @GET
    @Operation(summary = "List proposals: staff, coordinators and administrators see all submitted ones, others those of their organisations")
    public Page<ProposalView> list(@QueryParam("themeId") UUID themeId, @QueryParam("status") ProposalStatus status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        access.subject();
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        ProposalQueries.Filter filter = access.isCityOrCoordinator()
                ? new ProposalQueries.Filter(themeId, status, null, false)
                : new ProposalQueries.Filter(themeId, status, directory.organizationsOf(access.subject()), true);
        List<Proposal> rows = queries.list(filter, after, page.fetchSize());
        Map<UUID, ScreeningResult> results = screenings.publishableResultsOf(rows);
        return Page.of(rows, page.limit(), ProposalQueries::cursorOf, p -> ProposalView.of(p, results.get(p.id)));
    }

    @GET
    @Path("published")
    @PublicRead
    @Operation(summary = "Adopted proposals (採択された提案), readable without login")
    public Page<ProposalView> published(@QueryParam("themeId") UUID themeId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        List<Proposal> rows = queries.list(new ProposalQueries.Filter(themeId, ProposalStatus.ADOPTED, null, false),
                after, page.fetchSize());
        Map<UUID, ScreeningResult> results = screenings.publishableResultsOf(rows);
        return Page.of(rows, page.limit(), ProposalQueries::cursorOf, p -> ProposalView.of(p, results.get(p.id)));
    }

    @GET
    @Path(ID)
    @Operation(summary = "Read a proposal: adopted ones without login; otherwise proposers, and once submitted staff, coordinators and its reviewers")
    @APIResponse(responseCode = "200", description = "The proposal (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response read(@PathParam("id") UUID id) {
        Proposal proposal = Proposal.require(id);
        access.requireRead(proposal, screenings.isCommitteeReviewer(proposal));
        Response.ResponseBuilder response = Response.ok(ProposalView.of(proposal, screenings.publishableResultOf(proposal)))
                .tag(ETags.of(proposal.version));
        // An adopted proposal reads the same for everyone, anonymous callers included: caches may keep it.
        return (proposal.status == ProposalStatus.ADOPTED ? PublicReads.publicly(response) : response).build();
    }

    @PUT
    @Path(ID)
    @Transactional
    @Operation(summary = "Edit a draft (If-Match required) as a member of a proposing organisation")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The changed draft (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ProposalRequest body,
            @Context HttpHeaders headers) {
        long expected = ETags.expectedVersion(headers);
        Proposal proposal = proposals.updateDraft(id, expected, body.actingFor(), body.themeId(), body.toContent());
        return Response.ok(ProposalView.of(proposal, null)).tag(ETags.of(proposal.version)).build();
    }

    @POST
    @Path(ID + "/submission")
    @Transactional
    @Operation(summary = "Submit a draft (提出): the proposers must be verified and a theme's window open; assigns the reference number")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "The ETag last read; when sent, 412 if someone changed it since")
    @APIResponse(responseCode = "200", description = "The submitted proposal (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Submission body,
            @Context HttpHeaders headers) {
        Proposal proposal = proposals.submit(id, optionalVersion(headers), body.actingFor(),
                body.consentToCaseArchive());
        return ok(proposal);
    }

    @POST
    @Path(ID + "/consultation")
    @Transactional
    @Operation(summary = "Open the consultation (協議開始) as staff of the proposal's department")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "The ETag last read; when sent, 412 if someone changed it since")
    @APIResponse(responseCode = "200", description = "The proposal in consultation (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response openConsultation(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.ActingFor body,
            @Context HttpHeaders headers) {
        return ok(proposals.openConsultation(id, optionalVersion(headers), body.actingFor()));
    }

    @POST
    @Path(ID + "/consultation/closure")
    @Transactional
    @Operation(summary = "Close the consultation without screening (相談終了), with the reason, as staff of the department")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "The ETag last read; when sent, 412 if someone changed it since")
    @APIResponse(responseCode = "200", description = "The proposal, not pursued (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response closeConsultation(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Reasoned body,
            @Context HttpHeaders headers) {
        return ok(proposals.closeWithoutScreening(id, optionalVersion(headers), body.actingFor(), body.reason()));
    }

    @POST
    @Path(ID + "/withdrawal")
    @Transactional
    @Operation(summary = "Withdraw the proposal (取下げ) before a decision, as a proposer")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "The ETag last read; when sent, 412 if someone changed it since")
    @APIResponse(responseCode = "200", description = "The withdrawn proposal (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Reasoned body,
            @Context HttpHeaders headers) {
        return ok(proposals.withdraw(id, optionalVersion(headers), body.actingFor(), body.reason()));
    }

    @GET
    @Path(ID + "/audit-trail")
    @Operation(summary = "Audit trail (監査証跡) of a proposal: every transition with actor, time and reason; staff and administrators")
    public List<AuditEntry> auditTrail(@PathParam("id") UUID id) {
        access.requireStaffOrAdmin();
        Proposal.require(id);
        return audit.trailOf(id);
    }

    private Response ok(Proposal proposal) {
        return Response.ok(ProposalView.of(proposal, null)).tag(ETags.of(proposal.version)).build();
    }

    /** State changes check If-Match when it is sent; the state machine guards them either way. */
    static Long optionalVersion(HttpHeaders headers) {
        String ifMatch = headers.getHeaderString(HttpHeaders.IF_MATCH);
        return ifMatch == null || ifMatch.isBlank() ? null : ETags.expectedVersion(headers);
    }
}
