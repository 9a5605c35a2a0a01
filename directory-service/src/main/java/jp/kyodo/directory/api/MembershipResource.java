package jp.kyodo.directory.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.service.MembershipService;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/directory/organizations/{id}")
@Tag(name = "Members", description = "People linked to organisations by login subject, with their roles")
public class MembershipResource {

    @Inject
    MembershipService memberships;

    @GET
    @Path("members")
    @Transactional
    @Operation(summary = "List the members (メンバー一覧)", description = "For the organisation's members, staff, admins and "
            + "coordinators. The ETag is the organisation's version.")
    @APIResponse(responseCode = "200", description = "The members (ETag: the organisation's version)",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class)))
    public Response members(@PathParam("id") UUID id) {
        Organization organization = memberships.membersOf(id);
        List<MemberView> members = organization.members.stream().map(MemberView::of).toList();
        return Response.ok(members).tag(ETags.of(organization.version)).build();
    }

    @POST
    @Path("members")
    @Transactional
    @Idempotent
    @Operation(summary = "Add a member (メンバー追加)", description = "By the representative, staff (a department only by its "
            + "members) or admins. One role per person; a second representative is refused (change it instead); "
            + "SIGNATORY only in a city department. Publishes member.added. Accepts Idempotency-Key.")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "Added; ETag: the organisation's new version",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MemberView.class)))
    public Response add(@PathParam("id") UUID id, @Valid @NotNull MemberInput body) {
        Membership added = memberships.add(id, new MembershipService.NewMember(body.subject(), body.role(),
                body.amountLimitYen(), body.displayName(), body.email()));
        return Response.created(URI.create("/api/directory/organizations/" + id + "/members/"
                + URLEncoder.encode(added.subject, StandardCharsets.UTF_8)))
                .tag(ETags.of(added.organization.version)).entity(MemberView.of(added)).build();
    }

    @DELETE
    @Path("members/{subject}")
    @Transactional
    @Operation(summary = "Remove a member (メンバー削除)", description = "Their rights end at once (member.removed). Needs "
            + "If-Match with the organisation's ETag. Only staff or admins remove a representative outright.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "204", description = "Removed; ETag: the organisation's new version")
    public Response remove(@PathParam("id") UUID id, @PathParam("subject") String subject, @Context HttpHeaders headers) {
        Organization organization = memberships.remove(id, subject, IfMatch.from(headers));
        return Response.noContent().tag(ETags.of(organization.version)).build();
    }

    @PUT
    @Path("representative")
    @Transactional
    @Operation(summary = "Change the representative (代表者の変更)", description = "The former representative stops being a "
            + "member at once (member.removed), the successor becomes representative (member.added). Needs If-Match.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The members after the change (ETag: the organisation's new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = MemberView.class)))
    public Response changeRepresentative(@PathParam("id") UUID id, @Valid @NotNull RepresentativeChange body,
            @Context HttpHeaders headers) {
        Organization organization = memberships.changeRepresentative(id, IfMatch.from(headers),
                new MembershipService.NewMember(body.subject(), null, null, body.displayName(), body.email()),
                body.reason());
        return Response.ok(organization.members.stream().map(MemberView::of).toList())
                .tag(ETags.of(organization.version)).build();
    }
}
