package jp.kyodo.evaluation.service;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.platform.problem.ProblemException;

/** Finding plans and rounds, with 404s that say what was not found. */
final class Lookup {

    private Lookup() {
    }

    static EvaluationPlan plan(UUID id) {
        EvaluationPlan plan = EvaluationPlan.findById(id);
        if (plan == null) {
            throw ProblemException.notFound("No such evaluation plan.", "評価計画が見つかりません。");
        }
        return plan;
    }

    static EvaluationRound round(UUID id) {
        EvaluationRound round = EvaluationRound.findById(id);
        if (round == null) {
            throw notFoundRound();
        }
        return round;
    }

    /** Locks the round so that concurrent submissions count one after the other (the last one starts the review). */
    static EvaluationRound roundForUpdate(UUID id) {
        EvaluationRound round = EvaluationRound.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw notFoundRound();
        }
        return round;
    }

    private static ProblemException notFoundRound() {
        return ProblemException.notFound("No such evaluation round.", "評価ラウンドが見つかりません。");
    }
}
