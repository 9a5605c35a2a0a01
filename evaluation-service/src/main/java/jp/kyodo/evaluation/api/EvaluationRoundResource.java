package jp.kyodo.evaluation.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

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

import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.ItemScore;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.ScoredLine;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.SideBySide;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.EvaluationAccess;
import jp.kyodo.evaluation.service.EvaluationReader;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.evaluation.service.RoundService;
import jp.kyodo.evaluation.service.SealedRound;
import jp.kyodo.platform.audit.AuditEntry;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.idempotency.Idempotent;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.IfMatch;

@Path("/api/evaluations/rounds")
@Tag(name = "Evaluation plans and rounds")
public class EvaluationRoundResource {

    @Inject
    EvaluationReader reader;

    @Inject
    RoundService rounds;

    @Inject
    EvaluationAccess access;

    @Inject
    AuditTrail audit;

    @GET
    @Path("{roundId}")
    @Operation(summary = "Read a round: who submitted, and the scores the caller may see (others' stay sealed until every party submitted)")
    @APIResponse(responseCode = "200", description = "The round as the caller may see it (ETag: its version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Round.class)))
    public Response round(@PathParam("roundId") UUID roundId) {
        SealedRound sealed = reader.round(roundId);
        return Response.ok(view(sealed)).tag(ETags.of(sealed.round().version)).build();
    }

    @GET
    @Path("{roundId}/self-assessments")
    @Operation(summary = "List the parties' self-assessments of a round, sealed ones without scores")
    public List<Views.PartyAssessment> selfAssessments(@PathParam("roundId") UUID roundId) {
        return partyAssessments(reader.round(roundId));
    }

    @PUT
    @Path("{roundId}/self-assessments/{organizationId}")
    @Transactional
    @Operation(summary = "Submit the party's own self-assessment (自己評価) of both tracks, once; members of that party only")
    @APIResponse(responseCode = "201", description = "The submitted self-assessment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.PartyAssessment.class)))
    public Response submit(@PathParam("roundId") UUID roundId, @PathParam("organizationId") UUID organizationId,
            @Valid @NotNull Requests.SelfAssessment body) {
        SelfAssessment assessment = rounds.submit(roundId, organizationId,
                Map.of(Track.PROJECT, lines("project", body.project()), Track.COLLABORATION,
                        lines("collaboration", body.collaboration())));
        SealedRound sealed = reader.round(roundId);
        return Response.created(URI.create("/api/evaluations/rounds/" + roundId + "/self-assessments/" + organizationId))
                .tag(ETags.of(assessment.version)).entity(partyAssessment(sealed, sealed.plan().party(organizationId).orElseThrow()))
                .build();
    }

    @GET
    @Path("{roundId}/self-assessments/{organizationId}")
    @Operation(summary = "Read one party's self-assessment (403 while sealed for the caller)")
    @APIResponse(responseCode = "200", description = "The party's self-assessment as the caller may see it",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.PartyAssessment.class)))
    public Response selfAssessment(@PathParam("roundId") UUID roundId, @PathParam("organizationId") UUID organizationId) {
        SealedRound sealed = reader.selfAssessment(roundId, organizationId);
        SelfAssessment assessment = sealed.submission(organizationId).orElseThrow();
        return Response.ok(partyAssessment(sealed, sealed.plan().party(organizationId).orElseThrow()))
                .tag(ETags.of(assessment.version)).build();
    }

    @GET
    @Path("{roundId}/review")
    @Operation(summary = "Side-by-side view of the mutual review (相互評価), divergent items flagged")
    public Views.Review review(@PathParam("roundId") UUID roundId) {
        SealedRound sealed = reader.review(roundId);
        EvaluationPlan plan = sealed.plan();
        List<SideBySide.Line> lines = SideBySide.of(plan, sealed.visible());
        List<Views.ReviewLine> project = new ArrayList<>();
        List<Views.ReviewLine> collaboration = new ArrayList<>();
        for (SideBySide.Line line : lines) {
            EvaluationItem item = line.key().item();
            Views.ReviewLine view = new Views.ReviewLine(item, item.labelJa(), item.labelEn(), line.key().targetId(),
                    targetLabel(plan, line), line.scores().entrySet().stream()
                            .map(e -> new Views.PartyScore(e.getKey(), e.getValue().score, e.getValue().reason,
                                    e.getValue().actualValue, e.getValue().achievementRate))
                            .toList(),
                    line.highest(), line.lowest(), line.divergent());
            (item.track() == Track.PROJECT ? project : collaboration).add(view);
        }
        return new Views.Review(roundId, sealed.round().status, plan.parties.stream().map(Views.Party::of).toList(),
                project, collaboration, SideBySide.divergent(lines).size());
    }

    @GET
    @Path("{roundId}/findings")
    @Operation(summary = "The findings agreed in the mutual review")
    public List<RoundResult.FindingResult> findings(@PathParam("roundId") UUID roundId) {
        return reader.review(roundId).result().findings();
    }

    @POST
    @Path("{roundId}/findings")
    @Transactional
    @Idempotent
    @Operation(summary = "Record an agreed finding and improvement action during the mutual review (parties)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "The recorded finding",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundResult.FindingResult.class)))
    public Response recordFinding(@PathParam("roundId") UUID roundId, @Valid @NotNull Requests.RecordFinding body) {
        Finding finding = rounds.recordFinding(roundId, body.actingFor(), body.item(), body.finding(), body.improvement());
        return Response.created(URI.create("/api/evaluations/rounds/" + roundId + "/findings"))
                .entity(new RoundResult.FindingResult(finding.id, finding.item, finding.finding, finding.improvement,
                        finding.recordedFor, finding.recordedAt))
                .build();
    }

    @POST
    @Path("{roundId}/closing")
    @Transactional
    @Operation(summary = "Close the mutual review once findings are recorded (a party; If-Match: the round's ETag)")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The closed round (ETag: its new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Views.Round.class)))
    public Response close(@PathParam("roundId") UUID roundId, @Valid @NotNull Requests.Closing body,
            @Context HttpHeaders headers) {
        EvaluationRound round = rounds.close(roundId, body.actingFor(), IfMatch.from(headers), body.note());
        return Response.ok(view(reader.round(roundId))).tag(ETags.of(round.version)).build();
    }

    @POST
    @Path("{roundId}/third-party-assessment")
    @Transactional
    @Idempotent
    @Operation(summary = "Add the committee's third-party assessment (第三者評価) to a CLOSED round (reviewers not belonging to a party)")
    @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            description = "A retry with the same key and body gets the first answer; nothing is created twice")
    @APIResponse(responseCode = "201", description = "The recorded assessment",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundResult.ThirdPartyResult.class)))
    public Response thirdParty(@PathParam("roundId") UUID roundId, @Valid @NotNull Requests.ThirdParty body) {
        ThirdPartyAssessment assessment = rounds.assessAsThirdParty(roundId, body.committee(), body.opinion(),
                body.projectOpinion(), body.collaborationOpinion(), body.recommendations());
        return Response.created(URI.create("/api/evaluations/rounds/" + roundId + "/third-party-assessment"))
                .entity(new RoundResult.ThirdPartyResult(assessment.committee, assessment.opinion,
                        assessment.projectOpinion, assessment.collaborationOpinion, assessment.recommendations,
                        assessment.assessedAt))
                .build();
    }

    @GET
    @Path("{roundId}/third-party-assessment")
    @Operation(summary = "Read the third-party assessment of a round")
    public RoundResult.ThirdPartyResult thirdPartyAssessment(@PathParam("roundId") UUID roundId) {
        RoundResult.ThirdPartyResult result = reader.review(roundId).result().thirdPartyAssessment();
        if (result == null) {
            throw jp.kyodo.platform.problem.ProblemException.notFound("This round has no third-party assessment.",
                    "この評価には第三者評価がありません。");
        }
        return result;
    }

    @POST
    @Path("{roundId}/publication")
    @Transactional
    @Operation(summary = "Publish a CLOSED round (公表; staff of the agreement's department; If-Match: the round's ETag)")
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, schema = @Schema(type = SchemaType.STRING),
            required = true, description = "The ETag last read: 428 without it, 412 when someone changed it since")
    @APIResponse(responseCode = "200", description = "The published result (ETag: the round's new version)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = RoundResult.class)))
    public Response publish(@PathParam("roundId") UUID roundId, @Valid @NotNull Requests.Publication body,
            @Context HttpHeaders headers) {
        RoundResult result = rounds.publish(roundId, body.actingFor(), IfMatch.from(headers));
        return Response.ok(result).tag(ETags.of(result.version())).build();
    }

    @GET
    @Path("{roundId}/audit-trail")
    @Operation(summary = "Audit trail (監査証跡) of a round (staff and administrators)")
    public List<AuditEntry> auditTrail(@PathParam("roundId") UUID roundId) {
        access.requireAuditReader();
        reader.round(roundId);
        return audit.trailOf(roundId);
    }

    private static Views.Round view(SealedRound sealed) {
        RoundResult result = sealed.result();
        return new Views.Round(Views.RoundSummary.of(sealed.round(), sealed.plan()), partyAssessments(sealed),
                result.findings(), result.thirdPartyAssessment());
    }

    private static List<Views.PartyAssessment> partyAssessments(SealedRound sealed) {
        return sealed.plan().parties.stream().map(p -> partyAssessment(sealed, p)).toList();
    }

    private static Views.PartyAssessment partyAssessment(SealedRound sealed, PlanParty party) {
        var submission = sealed.submission(party.organizationId);
        boolean visible = sealed.canSee(party.organizationId);
        return new Views.PartyAssessment(party.organizationId, party.actorType, party.name, submission.isPresent(),
                submission.map(s -> s.submittedAt).orElse(null), submission.isPresent() && !visible,
                visible ? submission.map(s -> scores(s, Track.PROJECT)).orElse(null) : null,
                visible ? submission.map(s -> scores(s, Track.COLLABORATION)).orElse(null) : null);
    }

    private static List<RoundResult.ScoreResult> scores(SelfAssessment assessment, Track track) {
        return assessment.scoresOf(track).stream().map(EvaluationRoundResource::score).toList();
    }

    private static RoundResult.ScoreResult score(ItemScore s) {
        return new RoundResult.ScoreResult(s.item, s.targetId, s.score, s.reason, s.actualValue, s.achievementRate);
    }

    private static String targetLabel(EvaluationPlan plan, SideBySide.Line line) {
        if (line.key().targetId() == null) {
            return null;
        }
        return switch (line.key().item().target()) {
            case INDICATOR -> plan.indicator(line.key().targetId()).map(i -> i.name + "（" + i.unit + "）").orElse(null);
            case GOAL -> plan.goals.stream().filter(g -> g.goalId.equals(line.key().targetId())).findFirst()
                    .map(g -> g.description).orElse(null);
            case NONE -> null;
        };
    }

    private static List<ScoredLine> lines(String track, List<Requests.ScoreLine> lines) {
        return IntStream.range(0, lines.size()).mapToObj(i -> {
            Requests.ScoreLine l = lines.get(i);
            return new ScoredLine(track + "[" + i + "]", l.item(), l.indicatorId(), l.goalId(), l.score(), l.reason(),
                    l.actualValue());
        }).toList();
    }
}
