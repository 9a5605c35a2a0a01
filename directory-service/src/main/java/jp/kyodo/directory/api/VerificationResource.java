package jp.kyodo.directory.api;

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
import jp.kyodo.directory.service.VerificationService;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/directory/organizations/{id}")
@Tag(name = "Eligibility", description = "提案者の要件の確認: checks with evidence, verification and suspension")
public class VerificationResource {

    @Inject
    VerificationService verification;

    @GET
    @Path("eligibility")
    @Transactional
    @Operation(summary = "Read the eligibility checks (要件確認の状況)", description = "Staff and admins only.")
    @APIResponse(responseCode = "200", description = "The eligibility checks (ETag: the organisation's version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EligibilityView.class)))
    public Response eligibility(@PathParam("id") UUID id) {
        Organization organization = verification.eligibilityOf(id);
        return Response.ok(EligibilityView.of(organization)).tag(ETags.of(organization.version)).build();
    }

    @PUT
    @Path("eligibility")
    @Transactional
    @Operation(summary = "Record eligibility checks with evidence (要件確認の記録)", description = "Staff and admins; "
            + "needs If-Match. Requirements not listed keep their earlier finding.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The recorded checks (ETag: the organisation's new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = EligibilityView.class)))
    public Response recordEligibility(@PathParam("id") UUID id, @Valid @NotNull EligibilityInput body,
            @Context HttpHeaders headers) {
        Organization organization = verification.recordEligibility(id, IfMatch.from(headers), body.checks().stream()
                .map(c -> new VerificationService.Finding(c.requirement(), c.satisfied(), c.evidence())).toList());
        return Response.ok(EligibilityView.of(organization)).tag(ETags.of(organization.version)).build();
    }

    @POST
    @Path("status-changes")
    @Transactional
    @Operation(summary = "Verify or suspend an organisation (確認・停止)", description = "Staff and admins; needs If-Match "
            + "and a reason. UNVERIFIED → VERIFIED needs all four requirements satisfied; VERIFIED ⇄ SUSPENDED. "
            + "Publishes organization.verified or organization.suspended.")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The organisation in its new status (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = OrganizationView.class)))
    public Response changeStatus(@PathParam("id") UUID id, @Valid @NotNull StatusChange body, @Context HttpHeaders headers) {
        Organization organization = verification.changeStatus(id, IfMatch.from(headers), body.to(), body.reason());
        return Response.ok(OrganizationView.of(organization)).tag(ETags.of(organization.version)).build();
    }
}
