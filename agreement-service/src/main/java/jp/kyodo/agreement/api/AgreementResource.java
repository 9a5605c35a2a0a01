package jp.kyodo.agreement.api;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.VersionDiff;
import jp.kyodo.agreement.service.AgreementAccess;
import jp.kyodo.agreement.service.AgreementDrafting;
import jp.kyodo.agreement.service.AgreementEnding;
import jp.kyodo.agreement.service.AgreementNegotiation;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.Readiness;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.db.IdQueries;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/agreements")
@Tag(name = "Agreements", description = "Collaboration agreements (協定書): negotiation, versions, signatures, end")
public class AgreementResource {

    @Inject
    AgreementAccess access;

    @Inject
    AgreementDrafting drafting;

    @Inject
    AgreementNegotiation negotiation;

    @Inject
    AgreementEnding ending;

    @Inject
    AuditTrail audit;

    @Inject
    Readiness readiness;

    @Inject
    EntityManager entityManager;

    @GET
    @Operation(operationId = "listAgreements", summary = "Agreements the caller may read, filtered by proposal, state or party",
            description = "A cursor page of the agreements the caller may read, in a stable order: staff, coordinators and administrators see every agreement, a partner those its organisations are party to. Filter by the proposal an agreement came from, by state or by party.")
    public Page<AgreementView> list(@QueryParam("proposalId") UUID proposalId, @QueryParam("state") AgreementState state,
            @QueryParam("organizationId") UUID organizationId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        String subject = access.subject();
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        StringBuilder sql = new StringBuilder("select a.id from agreement a where 1 = 1");
        List<Object> values = new ArrayList<>();
        if (proposalId != null) {
            sql.append(" and a.proposal_id = ?");
            values.add(proposalId);
        }
        if (state != null) {
            sql.append(" and a.state = ?");
            values.add(state.name());
        }
        if (organizationId != null) {
            sql.append(" and exists (select 1 from agreement_party p where p.agreement_id = a.id"
                    + " and p.organization_id = ?)");
            values.add(organizationId);
        }
        if (!access.seesEveryAgreement()) {
            sql.append(" and exists (select 1 from agreement_party p join directory_membership m"
                    + " on m.organization_id = p.organization_id where p.agreement_id = a.id and m.subject = ?)");
            values.add(subject);
        }
        if (after != null) {
            sql.append(" and (a.created_at, a.id) > (?, ?)");
            values.add(Instant.parse(after.value(0)).atOffset(ZoneOffset.UTC));
            values.add(UUID.fromString(after.value(1)));
        }
        sql.append(" order by a.created_at, a.id limit ").append(page.fetchSize());
        List<Agreement> rows = IdQueries.inOrder(IdQueries.select(entityManager, sql.toString(), values),
                ids -> Agreement.<Agreement>list("id in ?1", ids), a -> a.id);
        return Page.of(rows, page.limit(), a -> Cursor.after(a.createdAt.toString(), a.id.toString()), AgreementView::of);
    }

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "openAgreement", summary = "Open an agreement directly (city staff for a department party)",
            description = "City staff open an agreement without a proposal (for example a disaster-response agreement with "
                    + "a company), with a department of theirs among the parties. The agreement starts in DRAFT with "
                    + "this content as its working copy and announces agreement.drafted. Send an Idempotency-Key to "
                    + "retry safely.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Opened; Location names it, ETag its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response open(@Valid @NotNull OpenAgreementRequest body) {
        Agreement agreement = drafting.open(body.actingFor(), body.content());
        return Response.created(URI.create("/api/agreements/" + agreement.id)).tag(ETags.of(agreement.version))
                .entity(AgreementView.of(agreement)).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAgreement", summary = "One agreement: state, version in force, pending version and its signatures",
            description = "The agreement as the parties negotiate and sign it: its state, the version in force, the "
                    + "version awaiting signatures with the signatures it has and the parties still to sign, and an "
                    + "amendment in progress. The ETag is the agreement's version, for If-Match on its writes.")
    @APIResponse(responseCode = "200", description = "The agreement (ETag: its version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response read(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return tagged(agreement, AgreementView::of);
    }

    @GET
    @Path("{id}/working-copy")
    @Operation(operationId = "getWorkingCopy", summary = "The working copy under negotiation, with totals and what still keeps it from signature",
            description = "The content the parties are negotiating (the next version), with the costs totalled per party "
                    + "and fiscal year, and the list of what still keeps it from being submitted for signature (empty "
                    + "when it is ready). Parties and city staff.")
    @APIResponse(responseCode = "200", description = "The working copy (ETag: the agreement's version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkingCopyView.class)))
    public Response workingCopy(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return tagged(agreement, a -> WorkingCopyView.of(a, readiness));
    }

    @PUT
    @Path("{id}/working-copy")
    @Transactional
    @Operation(operationId = "editWorkingCopy", summary = "Edit the working copy (If-Match); editing a frozen version returns the agreement to DRAFT",
            description = "Replaces the working copy's content. Ids of clauses, tasks, cost lines and the like are kept "
                    + "when sent and assigned when absent, so that versions can be compared item by item. Editing "
                    + "while a frozen version awaits signatures withdraws that version: the agreement returns to DRAFT "
                    + "and its signatures lapse.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The edited working copy (ETag: the agreement's new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkingCopyView.class)))
    public Response editWorkingCopy(@PathParam("id") UUID id, @Valid @NotNull WorkingCopyRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> negotiation.editWorkingCopy(id, ifMatch, body.actingFor(), body.content()),
                a -> WorkingCopyView.of(a, readiness));
    }

    @POST
    @Path("{id}/submission")
    @Transactional
    @Operation(operationId = "submitAgreementForSignature", summary = "Freeze the working copy as the next version (第N版) for signature (If-Match)",
            description = "Freezes the working copy as the next numbered version (第N版) with the SHA-256 of its canonical "
                    + "content, and asks every party to sign it. Refused with the list of problems while the working "
                    + "copy is not ready (purpose, approach, costs, roles). Announces agreement.version-frozen.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "201", description = "The frozen version awaiting signatures; ETag: the agreement's new version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VersionView.class)))
    public Response submit(@PathParam("id") UUID id, @Valid @NotNull ActingForRequest body,
            @Context HttpHeaders headers) {
        AgreementVersion version = negotiation.submit(id, IfMatch.from(headers), body.actingFor());
        Agreement agreement = Agreements.find(id);
        return Response.created(URI.create("/api/agreements/" + id + "/versions/" + version.number))
                .tag(ETags.of(agreement.version)).entity(VersionView.of(agreement, version, true)).build();
    }

    @POST
    @Path("{id}/amendments")
    @Transactional
    @Operation(operationId = "openAmendment", summary = "Open an amendment (変更協定) of an ACTIVE agreement (If-Match); the signed version stays in force",
            description = "Opens a change agreement (変更協定) on an ACTIVE agreement: the working copy becomes editable again "
                    + "while the signed version stays in force until the amended version is signed by every party. The "
                    + "reason is kept in the audit trail.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The agreement with an amendment open (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body, @Context HttpHeaders headers) {
        return change(headers, ifMatch -> negotiation.startAmendment(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @GET
    @Path("{id}/versions")
    @Operation(operationId = "listAgreementVersions", summary = "Every frozen version with its SHA-256 and signatures",
            description = "Every frozen version of the agreement in order, with the SHA-256 of its content and its signatures; the content itself is read one version at a time.")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return AgreementVersion.allOf(id).stream().map(v -> VersionView.of(agreement, v, false)).toList();
    }

    @GET
    @Path("{id}/versions/{n}")
    @Operation(operationId = "getAgreementVersion", summary = "One frozen version with its content",
            description = "One frozen version with its content, its totals and the signatures on it, exactly as it was frozen: the SHA-256 lets a party check that what it signs is what was agreed.")
    public VersionView version(@PathParam("id") UUID id, @PathParam("n") int n) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return VersionView.of(agreement, Agreements.version(id, n), true);
    }

    @GET
    @Path("{id}/diff")
    @Operation(operationId = "compareAgreementVersions", summary = "What changed between two versions (新旧対照)",
            description = "The values that differ between two frozen versions (新旧対照表), each with its JSON path; items of lists are matched by their ids, so a moved clause is not a change.")
    public DiffView diff(@PathParam("id") UUID id, @QueryParam("from") Integer from, @QueryParam("to") Integer to) {
        if (from == null || to == null) {
            throw ProblemException.invalidField(from == null ? "from" : "to", "Name both versions to compare.",
                    "比較する二つの版を指定してください。");
        }
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        var changes = VersionDiff.between(CanonicalJson.tree(Agreements.version(id, from).content),
                CanonicalJson.tree(Agreements.version(id, to).content));
        return new DiffView(from, to,
                changes.stream().map(c -> new DiffView.Change(c.path(), c.from(), c.to())).toList());
    }

    @POST
    @Path("{id}/completion")
    @Transactional
    @Operation(operationId = "completeAgreement", summary = "Complete an ACTIVE agreement (department staff, If-Match)",
            description = "Ends an ACTIVE agreement as completed (完了) once the work is done; its evaluation can then take "
                    + "its final round. Announces agreement.completed.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The completed agreement (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> ending.complete(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @POST
    @Path("{id}/termination")
    @Transactional
    @Operation(operationId = "terminateAgreement", summary = "Terminate an agreement with a reason (department staff or a partner's representative, If-Match)",
            description = "Ends an agreement before its term with the reason (解除), by the department's staff or a "
                    + "partner's representative; it is then TERMINATED and kept with its history. Announces "
                    + "agreement.terminated.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The terminated agreement (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response terminate(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> ending.terminate(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @GET
    @Path("{id}/audit-trail")
    @Operation(operationId = "getAgreementAuditTrail", summary = "Every state change of the agreement (監査証跡), for staff",
            description = "Every change of the agreement's state with who made it, when, for which organisation and why, oldest first.")
    public List<AuditEntry> auditTrail(@PathParam("id") UUID id) {
        access.requireStaff();
        Agreements.find(id);
        return audit.trailOf(id);
    }

    /**
     * A change made only to the version the client read: the service checks {@code If-Match} once it has authorised
     * the caller; the answer is the changed agreement in {@code view} with its new ETag.
     */
    private static Response change(HttpHeaders headers, Function<IfMatch, Agreement> transition,
            Function<Agreement, ?> view) {
        return tagged(transition.apply(IfMatch.from(headers)), view);
    }

    /** 200 with the agreement in {@code view} and its ETag, which a later change sends back in If-Match. */
    private static Response tagged(Agreement agreement, Function<Agreement, ?> view) {
        return Response.ok(view.apply(agreement)).tag(ETags.of(agreement.version)).build();
    }
}
