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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
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
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.platform.web.IfMatch;
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
    @Operation(operationId = "createProposal", summary = "Create a draft proposal (提案の作成) for an organisation the caller belongs to",
            description = "Creates a draft for an organisation the caller is a member of, answering a theme or on the "
                    + "citizens' own initiative. A draft is visible only to its proposers and announces nothing. Send "
                    + "an Idempotency-Key to retry safely.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The draft; Location names it, ETag its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response create(@Valid @NotNull ProposalRequest body) {
        Proposal proposal = proposals.createDraft(body.actingFor(), body.themeId(), body.toContent());
        return Response.created(URI.create("/api/proposals/" + proposal.id)).tag(ETags.of(proposal.version))
                .entity(ProposalView.of(proposal, null)).build();
    }

    @GET
    @Operation(operationId = "listProposals", summary = "List proposals: staff, coordinators and administrators see all submitted ones, others those of their organisations",
            description = "A cursor page of proposals in a stable order: staff, coordinators and administrators see every submitted one, others the proposals of their own organisations, drafts included. Filter by theme and state.")
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
    @Operation(operationId = "listAdoptedProposals", summary = "Adopted proposals (採択された提案), readable without login",
            description = "A cursor page of adopted proposals with their screening result, readable without login, optionally of one theme.")
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
    @Operation(operationId = "getProposal", summary = "Read a proposal: adopted ones without login; otherwise proposers, and once submitted staff, coordinators and its reviewers",
            description = "One proposal with its state, the states it can move to next and, once decided, the aggregate "
                    + "screening result. The ETag is its version, for If-Match on its writes.")
    @APIResponse(responseCode = "200", description = "The proposal (ETag: its version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
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
    @Operation(operationId = "updateProposal", summary = "Edit a draft (If-Match required) as a member of a proposing organisation",
            description = "Replaces a draft's content. Only drafts can be edited; once submitted, a proposal changes "
                    + "through published versions during consultation.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The changed draft (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull ProposalRequest body,
            @Context HttpHeaders headers) {
        Proposal proposal = proposals.updateDraft(id, IfMatch.from(headers), body.actingFor(), body.themeId(),
                body.toContent());
        return Response.ok(ProposalView.of(proposal, null)).tag(ETags.of(proposal.version)).build();
    }

    @POST
    @Path(ID + "/submission")
    @Transactional
    @Operation(operationId = "submitProposal", summary = "Submit a draft (提出): the proposers must be verified and a theme's window open; assigns the reference number",
            description = "Submits a draft to the department: every proposing organisation must be verified, a theme's "
                    + "application window must be open and the content complete. Assigns the reference number (受付番号) "
                    + "of the fiscal year. Announces proposal.submitted.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The submitted proposal (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Submission body,
            @Context HttpHeaders headers) {
        Proposal proposal = proposals.submit(id, IfMatch.from(headers), body.actingFor(),
                body.consentToCaseArchive());
        return ok(proposal);
    }

    @POST
    @Path(ID + "/consultation")
    @Transactional
    @Operation(operationId = "openConsultation", summary = "Open the consultation (協議開始) as staff of the proposal's department",
            description = "The department opens the consultation and brush-up (協議・ブラッシュアップ) of a submitted proposal: the "
                    + "thread opens and the proposers may publish revised versions.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The proposal in consultation (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response openConsultation(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.ActingFor body,
            @Context HttpHeaders headers) {
        return ok(proposals.openConsultation(id, IfMatch.from(headers), body.actingFor()));
    }

    @POST
    @Path(ID + "/consultation/closure")
    @Transactional
    @Operation(operationId = "closeConsultation", summary = "Close the consultation without screening (相談終了), with the reason, as staff of the department",
            description = "The department ends the consultation without screening (相談終了) with the reason; the proposal is "
                    + "NOT_PURSUED and may be kept as a consultation case. Announces proposal.not-pursued.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The proposal, not pursued (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response closeConsultation(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Reasoned body,
            @Context HttpHeaders headers) {
        return ok(proposals.closeWithoutScreening(id, IfMatch.from(headers), body.actingFor(), body.reason()));
    }

    @POST
    @Path(ID + "/withdrawal")
    @Transactional
    @Operation(operationId = "withdrawProposal", summary = "Withdraw the proposal (取下げ) before a decision, as a proposer",
            description = "The proposers withdraw the proposal (取下げ) with the reason at any time before a decision. "
                    + "Announces proposal.withdrawn.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The withdrawn proposal (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response withdraw(@PathParam("id") UUID id, @Valid @NotNull TransitionRequests.Reasoned body,
            @Context HttpHeaders headers) {
        return ok(proposals.withdraw(id, IfMatch.from(headers), body.actingFor(), body.reason()));
    }

    @GET
    @Path(ID + "/audit-trail")
    @Operation(operationId = "getProposalAuditTrail", summary = "Audit trail (監査証跡) of a proposal: every transition with actor, time and reason; staff and administrators",
            description = "Every transition of the proposal with who made it, when, for which organisation and why, oldest first.")
    public List<AuditEntry> auditTrail(@PathParam("id") UUID id) {
        access.requireStaffOrAdmin();
        Proposal.require(id);
        return audit.trailOf(id);
    }

    private Response ok(Proposal proposal) {
        return Response.ok(ProposalView.of(proposal, null)).tag(ETags.of(proposal.version)).build();
    }
}
