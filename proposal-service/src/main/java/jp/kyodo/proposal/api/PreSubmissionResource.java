package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.DraftComment;
import jp.kyodo.proposal.domain.DraftSnapshot;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.service.PreSubmissionService;

@Path("/api/proposals")
@Tag(name = "Pre-submission consultation", description = "事前相談: a draft shared with the department and a "
        + "coordinator before submission, with its comment thread kept with the drafts")
public class PreSubmissionResource {

    @Schema(name = "DraftSharingRequest", description = "Sharing a draft before submission (事前相談)")
    public record SharingRequest(@Schema(description = "The proposing organisation the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "The support centre (中間支援組織) whose coordinators may read and comment") UUID coordinatorOrganizationId,
            @Schema(description = "The desk's consultation the draft came from: its assigned coordinator may read and comment") UUID intakeId) {
    }

    @Schema(name = "DraftCommentRequest", description = "A comment on a shared draft")
    public record DraftCommentRequest(
            @Schema(description = "The organisation the caller speaks for: a proposer, the department, or a coordinator's support centre") @NotNull UUID actingFor,
            @Schema(description = "The comment", maxLength = 8000) @NotBlank @Size(max = 8000) String body,
            @Schema(description = "A note of the department or a coordinator kept from the proposers (市側のメモ)") boolean cityOnly) {
    }

    @Schema(name = "DraftComment", description = "A comment of the pre-submission thread")
    public record DraftCommentView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "Number of the shared draft it was written on", required = true) int draft,
            @Schema(description = "Subject of the author", required = true) String author,
            @Schema(description = "The organisation the author spoke for", required = true) UUID actingFor,
            @Schema(description = "PROPOSER, DEPARTMENT or COORDINATOR", required = true) CommentSide side,
            @Schema(description = "Kept from the proposers", required = true) boolean cityOnly,
            @Schema(description = "The comment", required = true) String body,
            @Schema(description = "When", required = true) Instant postedAt) {
        static DraftCommentView of(DraftComment c) {
            return new DraftCommentView(c.id, c.draft, c.author, c.actingFor, c.side, c.cityOnly, c.body, c.postedAt);
        }
    }

    @Schema(name = "SharedDraft", description = "A shared draft as it was when shared or saved")
    public record SharedDraftView(@Schema(description = "Number, 1 when first shared", required = true) int number,
            @Schema(description = "Subject of who saved it", required = true) String savedBy,
            @Schema(description = "When", required = true) Instant savedAt,
            @Schema(description = "The draft's content then", required = true) ProposalContent content) {
        static SharedDraftView of(DraftSnapshot s) {
            return new SharedDraftView(s.number, s.savedBy, s.savedAt, s.content);
        }
    }

    @Inject
    PreSubmissionService preSubmission;

    @POST
    @Path(ProposalResource.ID + "/pre-submission")
    @Transactional
    @Operation(operationId = "shareDraft", summary = "Share a draft with the department and a coordinator (事前相談)",
            description = "A proposer; the draft names its department. Its staff and the coordinators named then read "
                    + "the draft and comment on it. If-Match: the proposal's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The shared draft; ETag: the proposal's new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response share(@PathParam("id") UUID id, @Valid @NotNull SharingRequest body,
            @Context HttpHeaders headers) {
        Proposal p = preSubmission.share(id, IfMatch.from(headers), body.actingFor(), body.coordinatorOrganizationId(),
                body.intakeId());
        return Response.ok(ProposalView.of(p, null)).tag(ETags.of(p.version)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/pre-submission/comments")
    @Operation(operationId = "getDraftThread", summary = "The pre-submission thread, oldest first",
            description = "The proposers (without the city side's own notes), the department's staff and the "
                    + "coordinators the draft was shared with.")
    public Page<DraftCommentView> thread(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(preSubmission.thread(id, Cursor.decode(page.cursor(), 2), page.fetchSize()), page.limit(),
                c -> Cursor.after(c.postedAt.toString(), c.id.toString()), DraftCommentView::of);
    }

    @POST
    @Path(ProposalResource.ID + "/pre-submission/comments")
    @Transactional
    @Idempotent
    @Operation(operationId = "commentOnDraft", summary = "Comment on a shared draft",
            description = "A proposer, the department's staff or a coordinator it was shared with, while it is a draft.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The comment",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DraftCommentView.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull DraftCommentRequest body) {
        DraftComment c = preSubmission.comment(id, body.actingFor(), body.body(), body.cityOnly());
        return Response.created(URI.create("/api/proposals/" + id + "/pre-submission/comments/" + c.id))
                .entity(DraftCommentView.of(c)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/pre-submission/drafts")
    @Operation(operationId = "listSharedDrafts", summary = "The draft as shared and as saved since, oldest first",
            description = "As the thread.")
    public List<SharedDraftView> drafts(@PathParam("id") UUID id) {
        return preSubmission.drafts(id).stream().map(SharedDraftView::of).toList();
    }
}
