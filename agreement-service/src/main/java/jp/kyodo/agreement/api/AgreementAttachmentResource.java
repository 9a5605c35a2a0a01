package jp.kyodo.agreement.api;

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

import jp.kyodo.agreement.service.AgreementAttachments;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentView;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.UploadForm;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jp.kyodo.platform.web.SharedApiDocumentation;

/**
 * Files of an agreement: attached to the working copy (仕様書, 役割分担書, 図面 …) or to a partner's cost report
 * (領収書, 活動報告書). Uploads are {@code multipart/form-data}; downloads stream with the original name.
 */
@Path("/api/agreements")
@Tag(name = "Agreements")
public class AgreementAttachmentResource {

    @Inject
    AgreementAttachments service;

    @Inject
    Attachments attachments;

    @POST
    @Path("{id}/working-copy/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachToWorkingCopy", summary = "Attach a file to the working copy",
            description = "A party (actingFor) attaches a specification (仕様書), division of roles (役割分担書), drawing,"
                    + " business plan, budget sheet or other file while the working copy is negotiated. The next frozen"
                    + " version lists it with its SHA-256, so signing the version signs the file. 413 over the size"
                    + " cap, 415 for types other than PDF, images, office documents, CSV and plain text, 400 for an"
                    + " empty file, a name with a path or control characters, or a checksum mismatch.")
    @APIResponse(responseCode = "201", description = "Attached; Location: where its content is read",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Response attachToWorkingCopy(@PathParam("id") UUID id, UploadForm form) {
        Attachment a = service.attachToWorkingCopy(id, form);
        return created(id, a);
    }

    @GET
    @Path("{id}/working-copy/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listWorkingCopyAttachments", summary = "Files attached to the working copy",
            description = "Readers of the agreement.")
    public List<AttachmentView> workingCopyAttachments(@PathParam("id") UUID id) {
        return views(id, service.ofPart(id, AgreementAttachments.workingCopy(id)));
    }

    @POST
    @Path("{id}/cost-reports/{reportId}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachToCostReport", summary = "Attach receipts or an activity report to a cost report",
            description = "The party that filed the cost report (実績報告) attaches receipts (領収書, never public) and its"
                    + " activity report until the report is settled (409 after). Limits as for the working copy.")
    @APIResponse(responseCode = "201", description = "Attached; Location: where its content is read",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Response attachToCostReport(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId,
            UploadForm form) {
        return created(id, service.attachToCostReport(id, reportId, form));
    }

    @GET
    @Path("{id}/cost-reports/{reportId}/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listCostReportAttachments", summary = "Files attached to a cost report",
            description = "Readers of the agreement.")
    public List<AttachmentView> costReportAttachments(@PathParam("id") UUID id, @PathParam("reportId") UUID reportId) {
        return views(id, service.ofPart(id, AgreementAttachments.costReport(id, reportId)));
    }

    @GET
    @Path("{id}/attachments/{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadAgreementAttachment", summary = "Download a file of the agreement",
            description = "Readers of the agreement. Streamed with its detected media type and its name in"
                    + " Content-Disposition (RFC 6266, UTF-8 filename*). Reading a file that is not public is recorded"
                    + " in the agreement's audit trail.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(service.readable(id, attachmentId));
    }

    @DELETE
    @Path("{id}/attachments/{attachmentId}")
    @Operation(operationId = "removeAgreementAttachment", summary = "Remove a file of the agreement",
            description = "A party removes a working-copy file no frozen version lists, or the filing party a file of"
                    + " a report not yet settled; 409 otherwise (a signed version's files stay).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Parameter(description = "The organisation the caller acts for", required = true)
            @QueryParam("actingFor") UUID actingFor) {
        service.remove(id, attachmentId, actingFor);
        return Response.noContent().build();
    }

    private static Response created(UUID id, Attachment a) {
        return Response.created(URI.create("/api/agreements/" + id + "/attachments/" + a.id + "/content"))
                .entity(AttachmentView.of(a, "/api/agreements/" + id + "/attachments")).build();
    }

    private static List<AttachmentView> views(UUID id, List<Attachment> list) {
        return list.stream().map(a -> AttachmentView.of(a, "/api/agreements/" + id + "/attachments")).toList();
    }
}
