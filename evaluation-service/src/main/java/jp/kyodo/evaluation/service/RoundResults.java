package jp.kyodo.evaluation.service;

import java.util.List;
import java.util.Optional;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.ItemScore;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.SideBySide;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.domain.Track;

/** Builds the result of a round from what the reader is allowed to see. */
final class RoundResults {

    private RoundResults() {
    }

    static RoundResult of(EvaluationPlan plan, EvaluationRound round, List<SelfAssessment> visibleAssessments,
            List<Finding> findings, Optional<ThirdPartyAssessment> thirdParty) {
        List<RoundResult.PartyResult> parties = plan.parties.stream()
                .flatMap(p -> visibleAssessments.stream().filter(a -> a.organizationId.equals(p.organizationId))
                        .map(a -> party(p, a)))
                .toList();
        List<RoundResult.Divergence> divergences = SideBySide.divergent(SideBySide.of(plan, visibleAssessments)).stream()
                .map(l -> new RoundResult.Divergence(l.key().item(), l.key().item().track(), l.key().targetId(),
                        l.highest(), l.lowest()))
                .toList();
        return new RoundResult(round.id, round.version, plan.id, plan.agreementId, plan.title, plan.field,
                plan.collaborationForm, plan.activityArea, round.kind, round.fiscalYear, round.status, round.publishedAt,
                parties, divergences, findings.stream().map(RoundResults::finding).toList(),
                thirdParty.map(RoundResults::thirdParty).orElse(null));
    }

    static RoundResult.PartyResult party(PlanParty party, SelfAssessment assessment) {
        return new RoundResult.PartyResult(party.organizationId, party.actorType, party.name, assessment.submittedAt,
                scores(assessment, Track.PROJECT), scores(assessment, Track.COLLABORATION));
    }

    static List<RoundResult.ScoreResult> scores(SelfAssessment assessment, Track track) {
        return assessment.scoresOf(track).stream().map(RoundResults::score).toList();
    }

    static RoundResult.ScoreResult score(ItemScore s) {
        return new RoundResult.ScoreResult(s.item, s.targetId, s.score, s.reason, s.actualValue, s.achievementRate);
    }

    static RoundResult.FindingResult finding(Finding f) {
        return new RoundResult.FindingResult(f.id, f.item, f.finding, f.improvement, f.recordedFor, f.recordedAt);
    }

    static RoundResult.ThirdPartyResult thirdParty(ThirdPartyAssessment t) {
        return new RoundResult.ThirdPartyResult(t.committee, t.opinion, t.projectOpinion, t.collaborationOpinion,
                t.recommendations, t.assessedAt);
    }
}
