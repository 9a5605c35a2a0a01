package jp.kyodo.evaluation.api;

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
import jp.kyodo.evaluation.service.RoundAttachments;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import jp.kyodo.platform.web.SharedApiDocumentation;

/** Files of an evaluation round: reflection minutes, activity reports, third-party material. */
@Path("/api/evaluations/rounds/{roundId}/attachments")
@Tag(name = "Evaluation plans and rounds")
public class RoundAttachmentResource {

    @Inject
    RoundAttachments service;

    @Inject
    Attachments attachments;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "attachToEvaluationRound", summary = "Attach a file to an evaluation round",
            description = "A party (actingFor) attaches REFLECTION_RECORD (振り返り記録), ACTIVITY_REPORT,"
                    + " THIRD_PARTY_MATERIAL or OTHER until the round is CLOSED (409 after). 413 over the size cap,"
                    + " 415 for types other than PDF, images, office documents, CSV and plain text, 400 for an empty"
                    + " file, a name with a path or control characters, or a checksum mismatch.")
    @APIResponse(responseCode = "201", description = "Attached; Location: where its content is read",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION), content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AttachmentView.class)))
    public Response attach(@PathParam("roundId") UUID id, UploadForm form) {
        Attachment a = service.attach(id, form);
        return Response.created(URI.create(base(id) + "/" + a.id + "/content")).entity(AttachmentView.of(a, base(id)))
                .build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEvaluationRoundAttachments", summary = "Files of an evaluation round",
            description = "As reading the round's plan: the parties' members and internal roles.")
    public List<AttachmentView> list(@PathParam("roundId") UUID id) {
        return service.list(id).stream().map(a -> AttachmentView.of(a, base(id))).toList();
    }

    @GET
    @Path("{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadEvaluationRoundAttachment", summary = "Download a file of an evaluation round",
            description = "As reading the round. Streamed with its name in Content-Disposition (RFC 6266); every"
                    + " read of a file that is not public is recorded in the round's audit trail.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response download(@PathParam("roundId") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(service.readable(id, attachmentId));
    }

    @DELETE
    @Path("{attachmentId}")
    @Operation(operationId = "removeEvaluationRoundAttachment", summary = "Remove a file of an evaluation round",
            description = "A party, until the round is CLOSED (409 after).")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("roundId") UUID id, @PathParam("attachmentId") UUID attachmentId,
            @Parameter(description = "The party the caller acts for", required = true)
            @QueryParam("actingFor") UUID actingFor) {
        service.remove(id, attachmentId, actingFor);
        return Response.noContent().build();
    }

    private static String base(UUID id) {
        return "/api/evaluations/rounds/" + id + "/attachments";
    }
}
