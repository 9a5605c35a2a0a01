package jp.kyodo.evaluation.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.evaluation.domain.AssessmentSheet;
import jp.kyodo.evaluation.domain.ConflictOfInterestPolicy;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.Moments;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.RoundKind;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.ScoredLine;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.events.AgreementSnapshot;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.web.IfMatch;

/** The life of an evaluation round: opening, sealed self-assessment, mutual review, closing, publication. */
@ApplicationScoped
public class RoundService {

    @Inject
    EvaluationEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    EvaluationAccess access;

    @Inject
    PlanService plans;

    /** Staff of the agreement's department open a round: INTERIM for one of its fiscal years, or FINAL. */
    @Transactional
    public EvaluationRound open(UUID planId, RoundKind kind, Integer fiscalYear, UUID actingFor) {
        EvaluationPlan plan = Lookup.plan(planId);
        access.requireDepartmentStaff(plan, actingFor);
        int year;
        if (kind == RoundKind.INTERIM) {
            if (fiscalYear == null || !plan.fiscalYears().contains(fiscalYear)) {
                throw ProblemException.invalidField("fiscalYear",
                        "An interim round is for one of the agreement's fiscal years " + plan.fiscalYears() + ".",
                        "中間評価の年度は協働契約の年度 " + plan.fiscalYears() + " のいずれかを指定してください。");
            }
            year = fiscalYear;
        } else {
            if (fiscalYear != null && fiscalYear != plan.finalFiscalYear()) {
                throw ProblemException.invalidField("fiscalYear",
                        "A final round counts in the agreement's last fiscal year " + plan.finalFiscalYear() + ".",
                        "事後評価は協働契約の最終年度（" + plan.finalFiscalYear() + "）に計上されます。");
            }
            year = plan.finalFiscalYear();
        }
        if (existing(plan, kind, year)) {
            throw ProblemException.conflict(
                    kind == RoundKind.FINAL ? "The final round is already open." : "That fiscal year already has an interim round.",
                    kind == RoundKind.FINAL ? "事後評価は既に開始されています。" : "この年度の中間評価は既に開始されています。");
        }
        return openRound(plan, kind, year, actingFor, null);
    }

    /** The agreement's completion opens its FINAL round (and makes the plan if the activation was never seen). */
    @Transactional
    public void openFinalOnCompletion(AgreementSnapshot agreement) {
        EvaluationPlan plan = plans.planFor(agreement);
        if (!existing(plan, RoundKind.FINAL, plan.finalFiscalYear())) {
            openRound(plan, RoundKind.FINAL, plan.finalFiscalYear(), null, "agreement completed");
        }
    }

    private static boolean existing(EvaluationPlan plan, RoundKind kind, int year) {
        return kind == RoundKind.FINAL ? EvaluationRound.count("planId = ?1 and kind = ?2", plan.id, kind) > 0
                : EvaluationRound.count("planId = ?1 and kind = ?2 and fiscalYear = ?3", plan.id, kind, year) > 0;
    }

    private EvaluationRound openRound(EvaluationPlan plan, RoundKind kind, int year, UUID actingFor, String reason) {
        EvaluationRound round = EvaluationRound.open(plan, kind, year);
        round.persistAndFlush();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "opened").transition(null, round.status)
                .actingFor(actingFor).reason(reason)
                .details(Map.of("planId", plan.id.toString(), "kind", kind.name(), "fiscalYear", year)));
        events.roundOpened(plan, round);
        return round;
    }

    /**
     * A party submits its own assessment of both tracks, once. The last party's submission starts the mutual review.
     */
    @Transactional
    public SelfAssessment submit(UUID roundId, UUID organizationId, Map<Track, List<ScoredLine>> lines) {
        EvaluationRound round = Lookup.roundForUpdate(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requirePartyMember(plan, organizationId);
        if (SelfAssessment.of(round.id, organizationId).isPresent()) {
            throw ProblemException.conflict("This party has already submitted its self-assessment; it cannot be changed.",
                    "この団体の自己評価は提出済みのため、変更できません。");
        }
        if (round.status != RoundStatus.OPEN) {
            throw ProblemException.conflict("Self-assessments are taken only while the round is OPEN.",
                    "自己評価は評価期間中（OPEN）のみ提出できます。");
        }
        SelfAssessment assessment = new SelfAssessment();
        assessment.id = UUID.randomUUID();
        assessment.roundId = round.id;
        assessment.organizationId = organizationId;
        assessment.submittedBy = access.viewer().subject();
        assessment.submittedAt = Moments.now();
        assessment.scores.addAll(AssessmentSheet.check(plan, lines));
        assessment.persist();
        round.recordSubmission();
        round.flush();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "self-assessment-submitted").actingFor(organizationId)
                .details(Map.of("submittedCount", round.submittedCount, "partyCount", plan.parties.size())));
        events.selfAssessmentSubmitted(plan, round, organizationId, assessment.submittedAt);
        if (round.startReviewWhenAllSubmitted(plan.parties.size())) {
            round.flush();
            audit.record(AuditRecord.of("EvaluationRound", round.id, "review-started")
                    .transition(RoundStatus.OPEN, RoundStatus.IN_REVIEW).reason("every party submitted"));
            events.roundInReview(plan, round);
        }
        return assessment;
    }

    /** The parties record an agreed finding and improvement during the mutual review. */
    @Transactional
    public Finding recordFinding(UUID roundId, UUID actingFor, EvaluationItem item, String text, String improvement) {
        EvaluationRound round = Lookup.roundForUpdate(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requirePartyMember(plan, actingFor);
        if (round.status != RoundStatus.IN_REVIEW) {
            throw ProblemException.conflict("Findings are recorded during the mutual review (IN_REVIEW).",
                    "評価結果の共有事項は相互評価中（IN_REVIEW）に記録します。");
        }
        Finding finding = new Finding();
        finding.id = UUID.randomUUID();
        finding.roundId = round.id;
        finding.item = item;
        finding.finding = text.strip();
        finding.improvement = improvement == null || improvement.isBlank() ? null : improvement.strip();
        finding.recordedFor = actingFor;
        finding.recordedBy = access.viewer().subject();
        finding.recordedAt = Moments.now();
        finding.persist();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "finding-recorded").actingFor(actingFor)
                .details(Map.of("findingId", finding.id.toString())));
        return finding;
    }

    /** A party closes the mutual review once at least one agreed finding is recorded. */
    @Transactional
    public EvaluationRound close(UUID roundId, UUID actingFor, IfMatch ifMatch, String reason) {
        EvaluationRound round = Lookup.roundForUpdate(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requirePartyMember(plan, actingFor);
        ifMatch.requireCurrent(round.version);
        round.requireStatus(RoundStatus.IN_REVIEW, RoundStatus.CLOSED);
        long findings = Finding.count("roundId", round.id);
        if (findings == 0) {
            throw ProblemException.conflict("Record the agreed findings before closing the round.",
                    "評価結果の共有事項を記録してから終了してください。");
        }
        round.close();
        round.flush();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "closed")
                .transition(RoundStatus.IN_REVIEW, RoundStatus.CLOSED).actingFor(actingFor).reason(reason));
        events.roundClosed(plan, round, (int) findings);
        return round;
    }

    /** The committee adds its third-party assessment to a CLOSED round, once. */
    @Transactional
    public ThirdPartyAssessment assessAsThirdParty(UUID roundId, String committee, String opinion, String projectOpinion,
            String collaborationOpinion, String recommendations) {
        access.requireRole(Roles.REVIEWER);
        EvaluationRound round = Lookup.roundForUpdate(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        ConflictOfInterestPolicy.requireIndependent(access.viewer(), plan.partyIds());
        if (round.status != RoundStatus.CLOSED) {
            throw ProblemException.conflict("A third-party assessment is added to a CLOSED round.",
                    "第三者評価は相互評価が終了した（CLOSED）評価にのみ追加できます。");
        }
        if (ThirdPartyAssessment.ofRound(round.id).isPresent()) {
            throw ProblemException.conflict("This round already has its third-party assessment.",
                    "この評価には既に第三者評価があります。");
        }
        ThirdPartyAssessment assessment = new ThirdPartyAssessment();
        assessment.roundId = round.id;
        assessment.committee = committee.strip();
        assessment.opinion = opinion.strip();
        assessment.projectOpinion = projectOpinion;
        assessment.collaborationOpinion = collaborationOpinion;
        assessment.recommendations = recommendations;
        assessment.assessedBy = access.viewer().subject();
        assessment.assessedAt = Moments.now();
        assessment.persist();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "third-party-assessed")
                .details(Map.of("committee", assessment.committee)));
        return assessment;
    }

    /** Staff of the agreement's department publish a CLOSED round; the result becomes public. */
    @Transactional
    public RoundResult publish(UUID roundId, UUID actingFor, IfMatch ifMatch) {
        EvaluationRound round = Lookup.roundForUpdate(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requireDepartmentStaff(plan, actingFor);
        ifMatch.requireCurrent(round.version);
        round.publish();
        round.flush();
        audit.record(AuditRecord.of("EvaluationRound", round.id, "published")
                .transition(RoundStatus.CLOSED, RoundStatus.PUBLISHED).actingFor(actingFor));
        RoundResult result = RoundResults.of(plan, round, SelfAssessment.ofRound(round.id), Finding.ofRound(round.id),
                ThirdPartyAssessment.ofRound(round.id));
        events.published(round, result);
        return result;
    }

    static Map<Track, List<ScoredLine>> byTrack(List<ScoredLine> project, List<ScoredLine> collaboration) {
        Map<Track, List<ScoredLine>> lines = new LinkedHashMap<>();
        lines.put(Track.PROJECT, project);
        lines.put(Track.COLLABORATION, collaboration);
        return lines;
    }
}
