package jp.kyodo.proposal.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.SharedApiDocumentation;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.CriterionScore;
import jp.kyodo.proposal.domain.DecisionOutcome;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.Readership;
import jp.kyodo.proposal.domain.ReviewerScore;
import jp.kyodo.proposal.domain.Screening;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.domain.ScreeningResult;
import jp.kyodo.proposal.service.ProposalAccess;
import jp.kyodo.proposal.service.ScreeningService;

@Path("/api/proposals")
@Tag(name = "Screening", description = "Screening (審査) by a committee, sealed scores, ranking and decision (採択・不採択)")
public class ScreeningResource {

    @Schema(name = "ScreeningRequest", description = "Opening the screening of a proposal")
    public record ScreeningRequest(
            @Schema(description = "The department (所管課) the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "Subjects of the reviewers (審査委員), when they are not drawn from a committee") @Size(max = 20) List<@NotBlank @Size(max = 100) String> reviewers,
            @Schema(description = "The committee whose members in office today are the reviewers; instead of reviewers") UUID committeeId,
            @Schema(description = "Screening round of the theme (default 1)") @Min(1) @Max(10) Integer round,
            @Schema(description = "Weights of the criteria for a citizen-initiated proposal; a theme response uses the theme's") Map<ScreeningCriterion, Integer> criteriaWeights) {
    }

    @Schema(name = "Screening", description = "The screening of a proposal (審査). The public record of an adopted "
            + "proposal shows the committee by its size only; those who work on the proposal see who sits on it.")
    public record ScreeningView(@Schema(description = "The proposal") UUID proposalId,
            @Schema(description = "Its theme, if any", nullable = true) UUID themeId,
            @Schema(description = "Screening round of the theme") int round,
            @Schema(description = "Subjects of the committee's reviewers; absent from the public record", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) List<String> reviewers,
            @Schema(description = "How many reviewers sit on the committee") int committeeSize,
            @Schema(description = "Weights of the criteria (審査基準の重み)") Map<ScreeningCriterion, Integer> criteriaWeights,
            @Schema(description = "When it was opened") Instant openedAt,
            @Schema(description = "The date (Asia/Tokyo) by which the committee is asked to have scored (審査期限); "
                    + "absent for a screening opened before due dates were kept", format = "date", nullable = true) @JsonInclude(JsonInclude.Include.NON_NULL) java.time.LocalDate scoresDueOn,
            @Schema(description = "How many reviewers have submitted") long submittedCount,
            @Schema(description = "The committee the reviewers were drawn from, if any", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID committeeId,
            @Schema(description = "The committee meeting that decided, if any", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) UUID decidedAtMeeting) {
        static ScreeningView of(Screening s) {
            return of(s, Readership.FULL);
        }

        static ScreeningView of(Screening s, Readership readership) {
            return new ScreeningView(s.proposalId, s.themeId, s.round,
                    readership.seesPeople() ? s.reviewers : null, s.reviewers.size(), s.criteriaWeights, s.openedAt,
                    s.scoresDueOn, ReviewerScore.count("proposalId", s.proposalId), s.committeeId, s.decidedAtMeeting);
        }
    }

    @Schema(name = "CriterionScore", description = "A score of one criterion")
    public record CriterionScoreDto(@Schema(description = "The criterion (審査基準)") @NotNull ScreeningCriterion criterion,
            @Schema(description = "1 (poor) to 5 (excellent)") @NotNull @Min(1) @Max(5) Integer score,
            @Schema(description = "The reviewer's comment") @Size(max = 4000) String comment) {
    }

    @Schema(name = "ScoresRequest", description = "A reviewer's scores of every criterion, submitted once")
    public record ScoresRequest(@Schema(description = "One score per criterion") @NotNull @Size(min = 1, max = 6) List<@NotNull @Valid CriterionScoreDto> scores) {
    }

    @Schema(name = "ReviewerScores", description = "A reviewer's submitted scores")
    public record ScoresView(@Schema(description = "Subject of the reviewer") String reviewer,
            @Schema(description = "The scores, one per criterion") List<CriterionScore> scores,
            @Schema(description = "When they were submitted") Instant submittedAt) {
        static ScoresView of(ReviewerScore s) {
            return new ScoresView(s.reviewer, s.scores, s.submittedAt);
        }
    }

    @Schema(name = "DecisionRequest", description = "The committee's decision (採択・不採択) with its rationale")
    public record DecisionRequest(@Schema(description = "The department the caller acts for") @NotNull UUID actingFor,
            @Schema(description = "ADOPTED (採択) or NOT_ADOPTED (不採択)") @NotNull DecisionOutcome outcome,
            @Schema(description = "The committee's rationale (選考理由)") @NotBlank @Size(max = 8000) String rationale,
            @Schema(description = "The committee meeting that decided: required when the reviewers were drawn from a "
                    + "committee; its attendance must meet the quorum") UUID meetingId) {
    }

    @Schema(name = "RankedProposal", description = "A proposal's place in its theme's round")
    public record RankedView(@Schema(description = "Place by weighted mean, 1 first") int rank,
            @Schema(description = "The proposal") UUID proposalId,
            @Schema(description = "Reference number (受付番号)") String referenceNumber,
            @Schema(description = "Title (事業名)") String title,
            @Schema(description = "State") ProposalStatus status,
            @Schema(description = "Aggregate screening result (審査結果)", nullable = true) ScreeningResult result) {
    }

    @Schema(name = "ThemeOutcomes", description = "Public counts of a theme's proposals by state (no individual proposal)")
    public record OutcomesView(@Schema(description = "The theme") UUID themeId,
            @Schema(description = "Number of proposals per state") Map<ProposalStatus, Long> counts) {
    }

    @Inject
    ScreeningService screenings;

    @Inject
    ProposalAccess access;

    @POST
    @Path(ProposalResource.ID + "/screening")
    @Transactional
    @Operation(operationId = "openScreening", summary = "Open the screening (審査開始) with a committee, as staff of the proposal's department",
            description = "The department opens the screening (審査) of a proposal in consultation with a committee of "
                    + "reviewers and the criteria's weights. Announces proposal.screening-opened.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The screening; ETag: the proposal's new version",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScreeningView.class)))
    public Response open(@PathParam("id") UUID id, @Valid @NotNull ScreeningRequest body,
            @Context HttpHeaders headers) {
        Screening screening = screenings.open(id, IfMatch.from(headers), body.actingFor(),
                body.reviewers(), body.committeeId(), body.round(), body.criteriaWeights());
        return Response.ok(ScreeningView.of(screening)).tag(ETags.of(Proposal.require(id).version)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/screening")
    @Operation(operationId = "getScreening", summary = "Read the screening: committee, weights and how many have submitted (public once adopted, "
            + "without the reviewers' identities)",
            description = "The screening as far as the caller may see it: committee, weights and how many reviewers have submitted. Once the proposal is adopted it is public, without the reviewers' identities.")
    public ScreeningView screening(@PathParam("id") UUID id) {
        Proposal proposal = Proposal.require(id);
        Readership readership = access.requireReadership(proposal, screenings.isCommitteeReviewer(proposal));
        Screening screening = Screening.findById(id);
        if (screening == null) {
            throw jp.kyodo.platform.problem.ProblemException.notFound("The proposal has not been screened.",
                    "この提案は審査されていません。");
        }
        return ScreeningView.of(screening, readership);
    }

    @POST
    @Path(ProposalResource.ID + "/scores")
    @Transactional
    @Operation(operationId = "submitScores", summary = "Submit one's scores (採点) as a reviewer of the committee; refused for a conflict of interest",
            description = "A committee reviewer scores every criterion 1 to 5, with comments where useful, once. Reviewers "
                    + "of a proposing organisation are refused (conflict of interest). Scores stay sealed from other "
                    + "reviewers until they have submitted their own.")
    @APIResponse(responseCode = "201", description = "The submitted scores",
            headers = @Header(name = "Location", ref = SharedApiDocumentation.LOCATION),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScoresView.class)))
    public Response score(@PathParam("id") UUID id, @Valid @NotNull ScoresRequest body) {
        ReviewerScore score = screenings.submitScores(id, body.scores().stream()
                .map(s -> new CriterionScore(s.criterion(), s.score(), s.comment())).toList());
        return Response.created(URI.create("/api/proposals/" + id + "/scores")).entity(ScoresView.of(score)).build();
    }

    @GET
    @Path(ProposalResource.ID + "/scores")
    @Operation(operationId = "listReviewerScores", summary = "Individual scores: for the secretariat, and for a reviewer only after submitting their own",
            description = "Each reviewer's scores and comments: for the screening's secretariat, and for a reviewer only after submitting their own.")
    public List<ScoresView> scores(@PathParam("id") UUID id) {
        return screenings.scoresVisibleToCaller(id).stream().map(ScoresView::of).toList();
    }

    @GET
    @Path(ProposalResource.ID + "/screening-result")
    @Operation(operationId = "getScreeningResult", summary = "The aggregate screening result (審査結果) once decided: public for adopted proposals",
            description = "The aggregate result of the screening once decided: the mean per criterion and the weighted mean, without reviewers or comments. Public for adopted proposals.")
    public ScreeningResult result(@PathParam("id") UUID id) {
        Proposal proposal = Proposal.require(id);
        access.requireRead(proposal, false);
        ScreeningResult result = screenings.publishableResultOf(proposal);
        if (result == null) {
            throw jp.kyodo.platform.problem.ProblemException.notFound("No decided screening for this proposal.",
                    "この提案の審査結果はまだありません。");
        }
        return result;
    }

    @POST
    @Path(ProposalResource.ID + "/decision")
    @Transactional
    @Operation(operationId = "decideProposal", summary = "Record the decision (採択・不採択) and the committee's rationale, as staff of the department",
            description = "The department records the decision (採択・不採択) with the committee's rationale. An adopted "
                    + "proposal announces proposal.adopted, which drafts its agreement; otherwise "
                    + "proposal.not-adopted.")
    @Parameter(ref = SharedApiDocumentation.IF_MATCH)
    @APIResponse(responseCode = "200", description = "The decided proposal (ETag: its new version)",
            headers = @Header(name = "ETag", ref = SharedApiDocumentation.ETAG),
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ProposalView.class)))
    public Response decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest body,
            @Context HttpHeaders headers) {
        Proposal proposal = screenings.decide(id, IfMatch.from(headers), body.actingFor(),
                body.outcome(), body.rationale(), body.meetingId());
        return Response.ok(ProposalView.of(proposal, screenings.publishableResultOf(proposal)))
                .tag(ETags.of(proposal.version)).build();
    }
}
