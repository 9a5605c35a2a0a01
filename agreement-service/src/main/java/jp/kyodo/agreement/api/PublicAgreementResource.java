package jp.kyodo.agreement.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.service.AgreementAttachments;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.PublicRead;

/** Agreements in force and completed, readable by anyone without login (公開の原則). */
@PublicRead
@Path("/api/agreements/public")
@Tag(name = "Agreements")
public class PublicAgreementResource {

    @Inject
    Procedures procedures;

    @Inject
    AgreementAttachments files;

    @Inject
    Attachments attachments;

    private PublicSummary summary(Agreement agreement) {
        var content = Agreements.inForce(agreement);
        return PublicSummary.of(agreement, content, procedures.of(content.form()));
    }

    private static final List<AgreementState> PUBLIC_STATES = List.of(AgreementState.ACTIVE, AgreementState.COMPLETED);

    @GET
    @Operation(operationId = "listPublicAgreements", summary = "Public summaries of ACTIVE and COMPLETED agreements (no login)",
            description = "A cursor page of the public summaries of agreements in force or completed: purpose, term, parties with their roles, costs, outcome ownership and the clauses marked public. No personal data; readable without login.")
    public Page<PublicSummary> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        List<Agreement> rows = after == null
                ? Agreement.<Agreement>find("state in ?1 and versionInForce is not null order by createdAt, id",
                        PUBLIC_STATES).page(0, page.fetchSize()).list()
                : Agreement.<Agreement>find("state in ?1 and versionInForce is not null and (createdAt > ?2 or "
                        + "(createdAt = ?2 and id > ?3)) order by createdAt, id", PUBLIC_STATES,
                        OffsetDateTime.parse(after.value(0)), UUID.fromString(after.value(1)))
                        .page(0, page.fetchSize()).list();
        return Page.of(rows, page.limit(), a -> Cursor.after(a.createdAt.toString(), a.id.toString()),
                a -> summary(a));
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getPublicAgreement", summary = "The public summary of one ACTIVE or COMPLETED agreement (no login)",
            description = "The public summary of one agreement in force or completed. A draft, an agreement awaiting signatures or a terminated one is not found here.")
    public PublicSummary read(@PathParam("id") UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null || !agreement.isPublic()) {
            throw ProblemException.notFound("No published agreement with this id.", "公開されている協定が見つかりません。");
        }
        return summary(agreement);
    }

    // Streamed with its own Cache-Control, so no digest ETag: a file is identified by its SHA-256 in the summary.
    @GET
    @Path("{id}/attachments/{attachmentId}/content")
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadPublicAgreementAttachment", summary = "Download a public file of a public agreement",
            description = "Anyone: a file the parties marked public, of an agreement whose summary is public (ACTIVE or"
                    + " COMPLETED); 404 otherwise.")
    @APIResponse(responseCode = "200", description = "The file", content = @Content(mediaType = "*/*",
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response downloadPublic(@PathParam("id") UUID id, @PathParam("attachmentId") UUID attachmentId) {
        return attachments.download(files.publicFile(id, attachmentId));
    }
}
