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

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.ConsultationComment;
import jp.kyodo.proposal.domain.ContentDiff;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalVersion;
import jp.kyodo.proposal.domain.Readership;
import jp.kyodo.proposal.service.ConsultationService;
import jp.kyodo.proposal.service.ProposalAccess;
import jp.kyodo.proposal.service.ProposalService;
import jp.kyodo.proposal.service.ScreeningService;

@Path("/api/proposals")
@Tag(name = "Consultation", description = "Consultation and brush-up (協議・ブラッシュアップ): the thread and the versions")
public class ConsultationResource {

    @Schema(name = "CommentRequest", description = "A comment in the consultation thread")
    public record CommentRequest(
            @Schema(description = "The organisation the caller speaks for: a proposer, the department, or a coordinator's organisation") @NotNull UUID actingFor,
            @Schema(description = "The comment") @NotBlank @Size(max = 8000) String body) {
    }

    @Schema(name = "ConsultationComment", description = "A comment in the consultation thread (協議)")
    public record CommentView(@Schema(description = "Id") UUID id,
            @Schema(description = "Subject of the author") String author,
            @Schema(description = "The organisation the author spoke for", nullable = true) UUID actingFor,
            @Schema(description = "The side it comes from") CommentSide side,
            @Schema(description = "The comment") String body,
            @Schema(description = "When it was posted") Instant postedAt) {
        static CommentView of(ConsultationComment c) {
            return new CommentView(c.id, c.author, c.actingFor, c.side, c.body, c.postedAt);
        }
    }

    @Schema(name = "ProposalVersionSummary", description = "A published version of a proposal (版)")
    public record VersionSummary(@Schema(description = "Number N of the version (第N版)") int number,
            @Schema(description = "What changed and why", nullable = true) String note,
            @Schema(description = "Subject of who published it; absent from the public record of an adopted proposal",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) String publishedBy,
            @Schema(description = "When it was published") Instant publishedAt) {
        static VersionSummary of(ProposalVersion v, Readership readership) {
            return new VersionSummary(v.number, v.note, readership.seesPeople() ? v.publishedBy : null, v.publishedAt);
        }
    }

    @Schema(name = "ProposalVersion", description = "A published version of a proposal with its content, as it was")
    public record VersionView(@Schema(description = "Number N of the version (第N版)") int number,
            @Schema(description = "What changed and why", nullable = true) String note,
            @Schema(description = "Subject of who published it; absent from the public record of an adopted proposal",
                    nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) String publishedBy,
            @Schema(description = "When it was published") Instant publishedAt,
            @Schema(description = "The content as it was then") ProposalContent content) {
        static VersionView of(ProposalVersion v, Readership readership) {
            return new VersionView(v.number, v.note, readership.seesPeople() ? v.publishedBy : null, v.publishedAt,
                    v.content);
        }
    }

    @Inject
    ConsultationService consultation;

    @Inject
    ProposalService proposals;

    @Inject
    ScreeningService screenings;

    @Inject
    ProposalAccess access;

    @Inject
    ObjectMapper mapper;

    @POST
    @Path(ProposalResource.ID + "/" + "consultation/comments")
    @Transactional
    @Idempotent
    @Operation(operationId = "postConsultationComment", summary = "Post a comment in the consultation thread, as a proposer, the department's staff or a coordinator",
            description = "Adds a comment to the proposal's consultation thread (協議) from the proposers' side or the "
                    + "city's. The body names the version it refers to, so comments need no If-Match.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "Posted; Location names the comment",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommentView.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull CommentRequest body) {
        ConsultationComment comment = consultation.comment(id, body.actingFor(), body.body());
        return Response.created(URI.create("/api/proposals/" + id + "/consultation/comments/" + comment.id))
                .entity(CommentView.of(comment)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/" + "consultation/comments")
    @Operation(operationId = "listConsultationComments", summary = "Read the consultation thread, oldest first",
            description = "The consultation thread of a proposal, oldest first, for its proposers, the department's staff and coordinators.")
    public Page<CommentView> thread(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        return Page.of(consultation.thread(id, after, page.fetchSize()), page.limit(),
                c -> Cursor.after(c.postedAt.toString(), c.id.toString()), CommentView::of);
    }

    @POST
    @Path(ProposalResource.ID + "/" + "versions")
    @Transactional
    @Operation(operationId = "reviseProposal", summary = "Publish a revised version (改訂版) during consultation, as a proposer (If-Match: the proposal's ETag)",
            description = "During consultation the proposers publish a revised version (改訂版) with a note of what changed "
                    + "and why; earlier versions stay readable and comparable. Announces proposal.revised.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "201", description = "The new version; ETag: the proposal's new version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = VersionView.class)))
    public Response revise(@PathParam("id") UUID id, @Valid @NotNull ProposalRequest body,
            @Context HttpHeaders headers) {
        ProposalVersion version = proposals.revise(id, IfMatch.from(headers), body.actingFor(), body.toContent(),
                body.revisionNote());
        Proposal proposal = Proposal.require(id);
        return Response.created(URI.create("/api/proposals/" + id + "/versions/" + version.number))
                .tag(ETags.of(proposal.version)).entity(VersionView.of(version, Readership.FULL)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/" + "versions")
    @Operation(operationId = "listProposalVersions", summary = "List the published versions of a proposal (public once adopted, without who published them)",
            description = "The published versions of a proposal with their notes. Once the proposal is adopted anyone may read them, without who published them.")
    public List<VersionSummary> versions(@PathParam("id") UUID id) {
        Readership readership = readable(id);
        return ProposalVersion.of(id).stream().map(v -> VersionSummary.of(v, readership)).toList();
    }

    @GET
    @Path(ProposalResource.ID + "/" + "versions/{number}")
    @Operation(operationId = "getProposalVersion", summary = "Read one published version as it was",
            description = "One published version of the proposal's content as it was then.")
    public VersionView version(@PathParam("id") UUID id, @PathParam("number") int number) {
        Readership readership = readable(id);
        return VersionView.of(ProposalVersion.require(id, number), readership);
    }

    @GET
    @Path(ProposalResource.ID + "/" + "versions/{number}/diff")
    @Operation(operationId = "compareProposalVersions", summary = "What changed in a version against another (default: the one before), field by field",
            description = "The top-level fields that differ between two versions, with their values before and after (新旧対照).")
    public ContentDiff diff(@PathParam("id") UUID id, @PathParam("number") int number,
            @QueryParam("against") Integer against) {
        readable(id);
        int base = against == null ? number - 1 : against;
        ProposalVersion before = ProposalVersion.require(id, base);
        ProposalVersion after = ProposalVersion.require(id, number);
        return ContentDiff.between(base, before.content, number, after.content, mapper);
    }

    private Readership readable(UUID id) {
        Proposal proposal = Proposal.require(id);
        return access.requireReadership(proposal, screenings.isCommitteeReviewer(proposal));
    }
}
