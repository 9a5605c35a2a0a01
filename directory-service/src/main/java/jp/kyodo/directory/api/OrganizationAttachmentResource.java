package jp.kyodo.directory.api;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.service.OrganizationAttachments;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentView;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.UploadForm;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** Eligibility evidence of an organisation (会則・役員名簿・活動実績・決算書), as files. */
@Path("/api/directory/organizations/{id}/attachments")
@Tag(name = "Organisations")
public class OrganizationAttachmentResource {

    @Inject
    OrganizationAttachments service;

    @Inject
    Attachments attachments;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachOrganizationEvidence", summary = "Attach eligibility evidence to an organisation",
            description = "The organisation's representative, city staff or an admin attaches its rules or articles"
                    + " (ARTICLES), officer list (OFFICER_LIST, personal data, never public), record of activities"
                    + " (ACTIVITY_RECORD), accounts (FINANCIAL_STATEMENT) or another file (OTHER). 413 over the size"
                    + " cap, 415 for types other than PDF, images, office documents, CSV and plain text, 400 for an"
                    + " empty file, a name with a path or control characters, or a checksum mismatch.")
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
    @Operation(operationId = "listOrganizationEvidence", summary = "Eligibility evidence of an organisation",
            description = "Those who may read the organisation: its members, city staff, coordinators, admins.")
    public List<AttachmentView> list(@PathParam("id") UUID id) {
        return service.list(id).stream().map(a -> AttachmentView.of(a, base(id))).toList();
    }

    @GET
    @Path("{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadOrganizationEvidence", summary = "Download a file of an organisation",
            description = "As reading the organisation. Streamed with its name in Content-Disposition (RFC 6266);"
                    + " every read of a file that is not public is recorded in the organisation's audit trail.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(service.readable(id, attachmentId));
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(operationId = "removeOrganizationEvidence", summary = "Remove a file of an organisation",
            description = "Those who manage the organisation.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        service.remove(id, attachmentId);
        return Response.noContent().build();
    }

    private static String base(UUID id) {
        return "/api/directory/organizations/" + id + "/attachments";
    }
}
