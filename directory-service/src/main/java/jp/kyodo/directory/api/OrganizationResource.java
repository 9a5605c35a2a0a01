package jp.kyodo.directory.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.directory.service.OrganizationAccess;
import jp.kyodo.directory.service.OrganizationQueries;
import jp.kyodo.directory.service.OrganizationService;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/directory/organizations")
@Tag(name = "Organisations", description = "The actor directory (協働の主体): profiles, search, audit trail")
public class OrganizationResource {

    @Inject
    OrganizationService organizations;

    @Inject
    OrganizationQueries queries;

    @Inject
    OrganizationAccess access;

    @Inject
    AuditTrail audit;

    @POST
    @Transactional
    @Idempotent
    @Operation(summary = "Register an organisation (団体登録)", description = "Staff and admins register any type; a partner "
            + "or citizen registers their own group (not a city department), which starts UNVERIFIED with them as its "
            + "representative. City departments start VERIFIED. Accepts Idempotency-Key.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "Registered; Location names it, ETag its version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    public Response register(@Valid @NotNull OrganizationRegistration body) {
        Organization organization = organizations.register(body);
        return Response.created(URI.create("/api/directory/organizations/" + organization.id))
                .tag(ETags.of(organization.version)).entity(OrganizationView.of(organization)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "List and search organisations (団体一覧・検索)", description = "Sorted by kana reading, then id. "
            + "Staff, admins and coordinators see every organisation; others only those they are members of. "
            + "The text query matches name or reading regardless of full/half width, hiragana/katakana and variant kanji.")
    public Page<OrganizationView> list(
            @Parameter(description = "Actor type (ActorType)") @QueryParam("type") ActorType type,
            @Parameter(description = "Field of activity (FieldOfActivity)") @QueryParam("field") FieldOfActivity field,
            @Parameter(description = "Eligibility status: UNVERIFIED, VERIFIED, SUSPENDED") @QueryParam("status") OrganizationStatus status,
            @Parameter(description = "Text in the name or its reading (名称・フリガナ)") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1–100") @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        String subject = access.subject();
        String onlyMemberOf = access.readsWholeDirectory() ? null : subject;
        List<Organization> rows = queries.list(new OrganizationQueries.Filter(type, field, status, q, onlyMemberOf),
                page);
        return Page.of(rows, page.limit(), OrganizationQueries::cursorOf, OrganizationView::of);
    }

    @GET
    @Path("{id}")
    @Transactional
    @Operation(summary = "Read an organisation (団体情報)", description = "For its members, staff, admins and coordinators. "
            + "The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The organisation (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    public Response read(@PathParam("id") UUID id) {
        Organization organization = organizations.read(id);
        return Response.ok(OrganizationView.of(organization)).tag(ETags.of(organization.version)).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    @Operation(summary = "Update an organisation's profile (団体情報の変更)", description = "By its representative, staff "
            + "(a department only by its members) or admins. Needs If-Match with the current ETag.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The changed organisation (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    public Response update(@PathParam("id") UUID id, @Valid @NotNull OrganizationProfile body, @Context HttpHeaders headers) {
        Organization organization = organizations.update(id, IfMatch.from(headers), body);
        return Response.ok(OrganizationView.of(organization)).tag(ETags.of(organization.version)).build();
    }

    @GET
    @Path("{id}/audit-trail")
    @Operation(summary = "Audit trail of an organisation (監査証跡)", description = "Every registration, change of profile, "
            + "eligibility, status and membership, oldest first. Staff and admins only.")
    public List<AuditEntry> auditTrail(@PathParam("id") UUID id) {
        access.requireMayReadAuditTrail();
        organizations.find(id);
        return audit.trailOf(id);
    }
}
