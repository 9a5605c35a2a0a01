package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriod;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodStatus;
import jp.kyodo.proposal.domain.publiccomment.CommentSubjectKind;
import jp.kyodo.proposal.domain.publiccomment.CommenterEligibility;
import jp.kyodo.proposal.domain.publiccomment.CommenterRelation;
import jp.kyodo.proposal.domain.publiccomment.OpinionGroup;
import jp.kyodo.proposal.domain.publiccomment.PublicComment;
import jp.kyodo.proposal.domain.publiccomment.ResponseKind;
import jp.kyodo.proposal.service.PublicCommentService;

@Path("/api/proposals/public-comments")
@Tag(name = "Public comment", description = "Public comment (パブリックコメント・意見公募) on draft guidelines, plans, "
        + "ordinances and themes: the period, comments, and the summary of the opinions with the city's view")
public class PublicCommentResource {

    static final String PERIOD = "{periodId: " + CommitteeResource.UUID_PATH + "}";

    @Schema(name = "CommentPeriodRequest", description = "Opening a public comment period (意見公募の公示)")
    public record PeriodRequest(
            @Schema(description = "The department that runs it, which the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "GUIDELINE (指針), PLAN (計画), ORDINANCE (条例案) or THEME (協働テーマ案)") @NotNull CommentSubjectKind subjectKind,
            @Schema(description = "Title of the draft", maxLength = 300) @NotBlank @Size(max = 300) String title,
            @Schema(description = "The draft and what the city asks about", maxLength = 100000) @NotBlank @Size(max = 100000) String body,
            @Schema(description = "Who may comment; default CITY_RESIDENTS_WORKERS_STUDENTS (市内在住・在勤・在学)") CommenterEligibility eligibility,
            @Schema(description = "Whether comments are taken without an account (the gateway admits that route without a token)") boolean anonymousAllowed,
            @Schema(description = "First day (Asia/Tokyo), today or later", format = "date") @NotNull LocalDate opensOn,
            @Schema(description = "Last day; the period is at least the configured minimum (30 days by default)", format = "date") @NotNull LocalDate closesOn,
            @Schema(description = "Why the period is shorter than the minimum (やむを得ない理由); only then", maxLength = 2000) @Size(max = 2000) String shortPeriodReason) {
    }

    @Schema(name = "CommentPeriod", description = "A public comment period (意見公募)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PeriodView(@Schema(description = "Id", required = true) UUID id,
            @Schema(description = "The department running it", required = true) UUID departmentId,
            @Schema(description = "What is put to comment", required = true) CommentSubjectKind subjectKind,
            @Schema(description = "Title", required = true) String title,
            @Schema(description = "The draft", required = true) String body,
            @Schema(description = "Who may comment", required = true) CommenterEligibility eligibility,
            @Schema(description = "Whether comments are taken without an account", required = true) boolean anonymousAllowed,
            @Schema(description = "First day", required = true) LocalDate opensOn,
            @Schema(description = "Last day", required = true) LocalDate closesOn,
            @Schema(description = "Days of the period", required = true) long days,
            @Schema(description = "Why it is shorter than the minimum, if it is", nullable = true) String shortPeriodReason,
            @Schema(description = "Whether comments are accepted today", required = true) boolean acceptingComments,
            @Schema(description = "OPEN or RESULT_PUBLISHED", required = true) CommentPeriodStatus status,
            @Schema(description = "Comments received so far", required = true) int commentCount,
            @Schema(description = "When the result was published", nullable = true) Instant resultPublishedAt,
            @Schema(description = "Version (the ETag)", required = true) long version) {
        static PeriodView of(CommentPeriod p) {
            return new PeriodView(p.id, p.departmentId, p.subjectKind, p.title, p.body, p.eligibility,
                    p.anonymousAllowed, p.opensOn, p.closesOn, p.days(), p.shortPeriodReason,
                    p.acceptsCommentsOn(CommentPeriod.today()), p.status, p.commentCount, p.resultPublishedAt,
                    p.version);
        }
    }

    @Schema(name = "PublicCommentRequest", description = "A comment on the draft (意見); name and address are never published")
    public record CommentRequest(
            @Schema(description = "Name (氏名; for an organisation its name and representative)", maxLength = 200) @NotBlank @Size(max = 200) String name,
            @Schema(description = "Address (住所; for an organisation its office)", maxLength = 500) @NotBlank @Size(max = 500) String address,
            @Schema(description = "Relation to the city (在住・在勤・在学・事業所・その他)") @NotNull CommenterRelation relation,
            @Schema(description = "Workplace or school in the city, for WORKS_IN_CITY and STUDIES_IN_CITY", maxLength = 200) @Size(max = 200) String workplaceOrSchool,
            @Schema(description = "The comment", maxLength = 8000) @NotBlank @Size(max = 8000) String body) {
    }

    @Schema(name = "PublicCommentReceipt", description = "The receipt of a comment (受付)")
    public record ReceiptView(@Schema(description = "The period", required = true) UUID periodId,
            @Schema(description = "Receipt number (受付番号); the published result refers to comments by it", required = true) int receiptNumber,
            @Schema(description = "When it was received", required = true) Instant receivedAt) {
    }

    @Schema(name = "PublicComment", description = "A comment as received, with who sent it (the department only)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CommentView(@Schema(description = "Receipt number", required = true) int receiptNumber,
            @Schema(description = "Name", required = true) String name,
            @Schema(description = "Address", required = true) String address,
            @Schema(description = "Relation to the city", required = true) CommenterRelation relation,
            @Schema(description = "Workplace or school", nullable = true) String workplaceOrSchool,
            @Schema(description = "The comment", required = true) String body,
            @Schema(description = "Whether it was sent signed in", required = true) boolean signedIn,
            @Schema(description = "When it was received", required = true) Instant receivedAt) {
        static CommentView of(PublicComment c) {
            return new CommentView(c.receiptNumber, c.commenterName, c.commenterAddress, c.relation,
                    c.workplaceOrSchool, c.body, c.signedInSubject != null, c.receivedAt);
        }
    }

    @Schema(name = "OpinionGroupInput", description = "One group of opinions, summarised, with the city's view")
    public record GroupInput(
            @Schema(description = "Topic or section of the draft (項目)", maxLength = 300) @Size(max = 300) String topic,
            @Schema(description = "The opinions summarised (意見の概要), not quoted", maxLength = 4000) @NotBlank @Size(max = 4000) String opinionSummary,
            @Schema(description = "Receipt numbers of the comments in this group") @NotNull @Size(min = 1, max = 10000) List<@NotNull @Min(1) Integer> receiptNumbers,
            @Schema(description = "The city's view (市の考え方)", maxLength = 8000) @NotBlank @Size(max = 8000) String cityView,
            @Schema(description = "How the city responded (対応区分)") @NotNull ResponseKind response,
            @Schema(description = "What changed in the draft (修正内容), if anything", maxLength = 4000) @Size(max = 4000) String change) {
    }

    @Schema(name = "CommentResultRequest", description = "The summary of the opinions and the city's view, as a whole")
    public record ResultRequest(@Schema(description = "The department running the period") @NotNull UUID actingFor,
            @Schema(description = "The groups, in the order they are published") @NotNull @Size(max = 500) List<@NotNull @Valid GroupInput> groups) {
    }

    @Schema(name = "CommentResultPublicationRequest", description = "Publishing the result (結果の公表)")
    public record PublicationRequest(@Schema(description = "The department running the period") @NotNull UUID actingFor) {
    }

    @Schema(name = "CommentResult", description = "The result of a public comment period: the opinions summarised in "
            + "groups with the city's view (意見の概要と市の考え方); never who commented or their words")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ResultView(@Schema(description = "The period", required = true) UUID periodId,
            @Schema(description = "Title", required = true) String title,
            @Schema(description = "OPEN (the result is a draft) or RESULT_PUBLISHED", required = true) CommentPeriodStatus status,
            @Schema(description = "Comments received", required = true) int commentCount,
            @Schema(description = "The groups", required = true) List<OpinionGroup> groups,
            @Schema(description = "When it was published", nullable = true) Instant publishedAt,
            @Schema(description = "The period's version (the ETag)", required = true) long version) {
        static ResultView of(CommentPeriod p) {
            return new ResultView(p.id, p.title, p.status, p.commentCount, p.result == null ? List.of() : p.result,
                    p.resultPublishedAt, p.version);
        }
    }

    @Inject
    PublicCommentService publicComments;

    @POST
    @Transactional
    @Idempotent
    @Operation(operationId = "openCommentPeriod", summary = "Open a public comment period (意見公募の公示)",
            description = "City staff of the department. The period runs at least the configured minimum "
                    + "(kyodo.proposals.public-comment.minimum-days, 30 by default); a shorter one states its reason.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The period; ETag: its version",
            headers = { @Header(name = "ETag", ref = SharedApiDocumentation.ETAG), @Header(name = "Location", ref = SharedApiDocumentation.LOCATION) },
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodView.class)))
    public Response open(@Valid @NotNull PeriodRequest body) {
        CommentPeriod p = publicComments.open(new PublicCommentService.Announcement(body.actingFor(),
                body.subjectKind(), body.title(), body.body(), body.eligibility(), body.anonymousAllowed(),
                body.opensOn(), body.closesOn(), body.shortPeriodReason()));
        return Response.created(URI.create("/api/proposals/public-comments/" + p.id)).tag(ETags.of(p.version))
                .entity(PeriodView.of(p)).build();
    }

    @GET
    @Operation(operationId = "listCommentPeriods", summary = "Public comment periods, newest first",
            description = "Anonymous: every period is public.")
    public Page<PeriodView> list(@QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(publicComments.list(Cursor.decode(page.cursor(), 2), page.fetchSize()), page.limit(),
                p -> Cursor.after(p.opensOn.toString(), p.id.toString()), PeriodView::of);
    }

    @GET
    @Path(PERIOD)
    @Operation(operationId = "getCommentPeriod", summary = "Read a public comment period and its draft",
            description = "Anonymous.")
    @APIResponse(responseCode = "200", description = "The period; ETag: its version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PeriodView.class)))
    public Response read(@PathParam("periodId") UUID periodId) {
        CommentPeriod p = publicComments.read(periodId);
        return Response.ok(PeriodView.of(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Path(PERIOD + "/comments")
    @Transactional
    @Idempotent
    @Operation(operationId = "submitPublicComment", summary = "Send a comment on the draft (意見の提出)",
            description = "Signed in as anyone; without an account where the period allows it (the gateway admits "
                    + "this one write without a token, with its own per-address quota and size limit). Name and "
                    + "address are required and never published.")
    @Parameter(ref = SharedApiDocumentation.IDEMPOTENCY_KEY)
    @APIResponse(responseCode = "201", description = "The receipt",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReceiptView.class)))
    public Response comment(@PathParam("periodId") UUID periodId, @Valid @NotNull CommentRequest body) {
        PublicComment c = publicComments.comment(periodId, new PublicCommentService.Submission(body.name(),
                body.address(), body.relation(), body.workplaceOrSchool(), body.body()));
        return Response.created(URI.create("/api/proposals/public-comments/" + periodId + "/comments/" + c.receiptNumber))
                .entity(new ReceiptView(periodId, c.receiptNumber, c.receivedAt)).build();
    }

    @GET
    @Path(PERIOD + "/comments")
    @Operation(operationId = "listPublicComments", summary = "The comments received, with who sent them",
            description = "City staff who are members of the department running the period.")
    public Page<CommentView> comments(@PathParam("periodId") UUID periodId, @QueryParam("cursor") String cursor,
            @Parameter(schema = @Schema(minimum = "1", maximum = "100")) @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        return Page.of(publicComments.comments(periodId, Cursor.decode(page.cursor(), 1), page.fetchSize()),
                page.limit(), c -> Cursor.after(Integer.toString(c.receiptNumber)), CommentView::of);
    }

    @PUT
    @Path(PERIOD + "/result")
    @Transactional
    @Operation(operationId = "draftCommentResult", summary = "Prepare the summary of the opinions and the city's view",
            description = "City staff of the department, after the period ended; replaces the draft as a whole. "
                    + "If-Match: the period's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The draft result; ETag: the period's new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class)))
    public Response draftResult(@PathParam("periodId") UUID periodId, @Valid @NotNull ResultRequest body,
            @Context HttpHeaders headers) {
        List<OpinionGroup> groups = new ArrayList<>();
        for (int i = 0; i < body.groups().size(); i++) {
            GroupInput g = body.groups().get(i);
            groups.add(new OpinionGroup(i + 1, blankToNull(g.topic()), g.opinionSummary().strip(),
                    List.copyOf(g.receiptNumbers()), g.cityView().strip(), g.response(), blankToNull(g.change())));
        }
        CommentPeriod p = publicComments.draftResult(periodId, IfMatch.from(headers), body.actingFor(), groups);
        return Response.ok(ResultView.of(p)).tag(ETags.of(p.version)).build();
    }

    @POST
    @Path(PERIOD + "/result/publication")
    @Transactional
    @Operation(operationId = "publishCommentResult", summary = "Publish the result (結果の公表)",
            description = "City staff of the department; every comment received must be in one group. "
                    + "If-Match: the period's ETag.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The published result; ETag: the period's new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class)))
    public Response publish(@PathParam("periodId") UUID periodId, @Valid @NotNull PublicationRequest body,
            @Context HttpHeaders headers) {
        CommentPeriod p = publicComments.publishResult(periodId, IfMatch.from(headers), body.actingFor());
        return Response.ok(ResultView.of(p)).tag(ETags.of(p.version)).build();
    }

    @GET
    @Path(PERIOD + "/result")
    @Operation(operationId = "getCommentResult", summary = "The result: opinions summarised with the city's view",
            description = "Anonymous once published; before, the department's staff read the draft (404 for others).")
    @APIResponse(responseCode = "200", description = "The result; ETag: the period's version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ResultView.class)))
    public Response result(@PathParam("periodId") UUID periodId) {
        CommentPeriod p = publicComments.result(periodId);
        return Response.ok(ResultView.of(p)).tag(ETags.of(p.version)).build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
