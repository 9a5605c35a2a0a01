package jp.kyodo.evaluation.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.SealedAssessment;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.domain.Viewer;

/**
 * A round as one reader may see it: which parties submitted is no secret, but each party's scores come out only
 * where {@link SealedAssessment} allows.
 */
public record SealedRound(EvaluationPlan plan, EvaluationRound round, List<SelfAssessment> submitted, Viewer viewer) {

    public boolean isSubmitted(UUID party) {
        return submission(party).isPresent();
    }

    public Optional<SelfAssessment> submission(UUID party) {
        return submitted.stream().filter(a -> a.organizationId.equals(party)).findFirst();
    }

    public boolean canSee(UUID party) {
        return SealedAssessment.canSee(round, plan.partyIds(), party, viewer);
    }

    /** The assessments whose scores this reader may see. */
    public List<SelfAssessment> visible() {
        return submitted.stream().filter(a -> canSee(a.organizationId)).toList();
    }

    public boolean canSeeAll() {
        return SealedAssessment.canSeeAll(round, plan.partyIds(), viewer);
    }

    /** Findings and the third-party assessment exist only after the seal is off; they follow the same rule. */
    public List<Finding> findings() {
        return canSeeAll() ? Finding.ofRound(round.id) : List.of();
    }

    public Optional<ThirdPartyAssessment> thirdParty() {
        return canSeeAll() ? ThirdPartyAssessment.ofRound(round.id) : Optional.empty();
    }

    public RoundResult result() {
        return RoundResults.of(plan, round, visible(), findings(), thirdParty());
    }

    /** The result from the round's findings and third-party assessment read beforehand, under the same rule. */
    public RoundResult result(List<Finding> roundFindings, Optional<ThirdPartyAssessment> roundThirdParty) {
        boolean all = canSeeAll();
        return RoundResults.of(plan, round, visible(), all ? roundFindings : List.of(),
                all ? roundThirdParty : Optional.empty());
    }
}
