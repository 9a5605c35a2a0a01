package jp.kyodo.agreement.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import jp.kyodo.agreement.service.AgreementDocument;
import jp.kyodo.agreement.service.AgreementDrafting;
import jp.kyodo.agreement.service.AgreementEnding;
import jp.kyodo.agreement.service.AgreementNegotiation;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.Readiness;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.ETags;
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
    AgreementDocument document;

    @Inject
    AuditTrail audit;

    @Inject
    Readiness readiness;

    @Inject
    EntityManager entityManager;

    @GET
    @Operation(summary = "Agreements the caller may read, filtered by proposal, state or party")
    public Page<AgreementView> list(@QueryParam("proposalId") UUID proposalId, @QueryParam("state") AgreementState state,
            @QueryParam("organizationId") UUID organizationId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        String subject = access.subject();
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        StringBuilder sql = new StringBuilder("select a.id from agreement a where 1 = 1");
        Map<String, Object> parameters = new java.util.HashMap<>();
        if (proposalId != null) {
            sql.append(" and a.proposal_id = :proposal");
            parameters.put("proposal", proposalId);
        }
        if (state != null) {
            sql.append(" and a.state = :state");
            parameters.put("state", state.name());
        }
        if (organizationId != null) {
            sql.append(" and exists (select 1 from agreement_party p where p.agreement_id = a.id"
                    + " and p.organization_id = :organization)");
            parameters.put("organization", organizationId);
        }
        if (!access.seesEveryAgreement()) {
            sql.append(" and exists (select 1 from agreement_party p join directory_membership m"
                    + " on m.organization_id = p.organization_id where p.agreement_id = a.id and m.subject = :subject)");
            parameters.put("subject", subject);
        }
        if (after != null) {
            sql.append(" and (a.created_at, a.id) > (cast(:afterTime as timestamptz), cast(:afterId as uuid))");
            parameters.put("afterTime", after.value(0));
            parameters.put("afterId", after.value(1));
        }
        sql.append(" order by a.created_at, a.id limit ").append(page.fetchSize());
        var query = entityManager.createNativeQuery(sql.toString(), UUID.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.getResultList();
        Map<UUID, Agreement> byId = ids.isEmpty() ? Map.of()
                : Agreement.<Agreement>list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        List<Agreement> rows = new ArrayList<>();
        ids.forEach(id -> rows.add(byId.get(id)));
        return Page.of(rows, page.limit(), a -> Cursor.after(a.createdAt.toString(), a.id.toString()), AgreementView::of);
    }

    @POST
    @Transactional
    @Idempotent
    @Operation(summary = "Open an agreement directly (city staff for a department party)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "Opened; Location names it, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response open(@Valid @NotNull OpenAgreementRequest body) {
        Agreement agreement = drafting.open(body.actingFor(), body.content());
        return Response.created(URI.create("/api/agreements/" + agreement.id)).tag(ETags.of(agreement.version))
                .entity(AgreementView.of(agreement)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One agreement: state, version in force, pending version and its signatures")
    @APIResponse(responseCode = "200", description = "The agreement (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response read(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return tagged(agreement, AgreementView::of);
    }

    @GET
    @Path("{id}/working-copy")
    @Operation(summary = "The working copy under negotiation, with totals and what still keeps it from signature")
    @APIResponse(responseCode = "200", description = "The working copy (ETag: the agreement's version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkingCopyView.class)))
    public Response workingCopy(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return tagged(agreement, a -> WorkingCopyView.of(a, readiness));
    }

    @PUT
    @Path("{id}/working-copy")
    @Transactional
    @Operation(summary = "Edit the working copy (If-Match); editing a frozen version returns the agreement to DRAFT")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The edited working copy (ETag: the agreement's new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = WorkingCopyView.class)))
    public Response editWorkingCopy(@PathParam("id") UUID id, @Valid @NotNull WorkingCopyRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> negotiation.editWorkingCopy(id, ifMatch, body.actingFor(), body.content()),
                a -> WorkingCopyView.of(a, readiness));
    }

    @POST
    @Path("{id}/submission")
    @Transactional
    @Operation(summary = "Freeze the working copy as the next version (第N版) for signature (If-Match)")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "201", description = "The frozen version awaiting signatures; ETag: the agreement's new version",
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
    @Operation(summary = "Open an amendment (変更協定) of an ACTIVE agreement (If-Match); the signed version stays in force")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The agreement with an amendment open (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body, @Context HttpHeaders headers) {
        return change(headers, ifMatch -> negotiation.startAmendment(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @GET
    @Path("{id}/versions")
    @Operation(summary = "Every frozen version with its SHA-256 and signatures")
    public List<VersionView> versions(@PathParam("id") UUID id) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return AgreementVersion.allOf(id).stream().map(v -> VersionView.of(agreement, v, false)).toList();
    }

    @GET
    @Path("{id}/versions/{n}")
    @Operation(summary = "One frozen version with its content")
    public VersionView version(@PathParam("id") UUID id, @PathParam("n") int n) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return VersionView.of(agreement, Agreements.version(id, n), true);
    }

    @GET
    @Path("{id}/versions/{n}/document")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The printable agreement document (協定書) of a version, in Japanese (HTML)")
    public String document(@PathParam("id") UUID id, @PathParam("n") int n) {
        Agreement agreement = Agreements.find(id);
        access.requireReader(agreement);
        return document.render(agreement, Agreements.version(id, n));
    }

    @GET
    @Path("{id}/diff")
    @Operation(summary = "What changed between two versions (新旧対照)")
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
    @Operation(summary = "Complete an ACTIVE agreement (department staff, If-Match)")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The completed agreement (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> ending.complete(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @POST
    @Path("{id}/termination")
    @Transactional
    @Operation(summary = "Terminate an agreement with a reason (department staff or a partner's representative, If-Match)")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The terminated agreement (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AgreementView.class)))
    public Response terminate(@PathParam("id") UUID id, @Valid @NotNull ReasonedRequest body,
            @Context HttpHeaders headers) {
        return change(headers, ifMatch -> ending.terminate(id, ifMatch, body.actingFor(), body.reason()),
                AgreementView::of);
    }

    @GET
    @Path("{id}/audit-trail")
    @Operation(summary = "Every state change of the agreement (監査証跡), for staff")
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
