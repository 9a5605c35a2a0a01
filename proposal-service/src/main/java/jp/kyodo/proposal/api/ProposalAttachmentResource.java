package jp.kyodo.proposal.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentView;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.UploadForm;
import jp.kyodo.proposal.service.ProposalAttachments;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** The documents of a proposal (事業計画書・収支予算書・団体概要書), as files. */
@Path("/api/proposals/{id}/attachments")
@Tag(name = "Proposals")
public class ProposalAttachmentResource {

    @Inject
    ProposalAttachments service;

    @Inject
    Attachments attachments;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachToProposal", summary = "Attach a business plan, budget sheet or profile to a proposal",
            description = "A proposer (actingFor) attaches BUSINESS_PLAN, BUDGET_SHEET, ORGANIZATION_PROFILE or OTHER"
                    + " while the proposal is DRAFT, SUBMITTED or IN_CONSULTATION (409 after). 413 over the size cap,"
                    + " 415 for types other than PDF, images, office documents, CSV and plain text, 400 for an empty"
                    + " file, a name with a path or control characters, or a checksum mismatch.")
    @APIResponse(responseCode = "201", description = "Attached; Location: where its content is read",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Response attach(@PathParam("id") UUID id, UploadForm form) {
        Attachment a = service.attach(id, form);
        return Response.created(URI.create(base(id) + "/" + a.id + "/content")).entity(AttachmentView.of(a, base(id)))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listProposalAttachments", summary = "Files of a proposal",
            description = "As reading the proposal.")
    public List<AttachmentView> list(@PathParam("id") UUID id) {
        return service.list(id).stream().map(a -> AttachmentView.of(a, base(id))).toList();
    }

    @GET
    @Path("{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadProposalAttachment", summary = "Download a file of a proposal",
            description = "As reading the proposal. Streamed with its name in Content-Disposition (RFC 6266); every"
                    + " read of a file that is not public is recorded in the proposal's audit trail.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(service.readable(id, attachmentId));
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(operationId = "removeProposalAttachment", summary = "Remove a file of a draft proposal",
            description = "A proposer, while the proposal is a draft; a submitted proposal's files stay (409).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Parameter(description = "The proposing organisation the caller acts for", required = true)
            @QueryParam("actingFor") UUID actingFor) {
        service.remove(id, attachmentId, actingFor);
        return Response.noContent().build();
    }

    private static String base(UUID id) {
        return "/api/proposals/" + id + "/attachments";
    }
}
