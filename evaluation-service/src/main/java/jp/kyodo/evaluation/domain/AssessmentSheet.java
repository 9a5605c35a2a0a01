package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/**
 * A complete self-assessment of a plan: every item of the catalogue scored once per track (indicator items once
 * per indicator, goal items once per goal), each on the 1–5 scale, with a reason for a 1 or 2 and the actual value
 * for each indicator. Anything else is refused with every problem named.
 */
public final class AssessmentSheet {

    private AssessmentSheet() {
    }

    /** The scores to store; 400 listing every invalid line or missing item. */
    public static List<ItemScore> check(EvaluationPlan plan, Map<Track, List<ScoredLine>> linesByTrack) {
        List<FieldError> errors = new ArrayList<>();
        List<ItemScore> scores = new ArrayList<>();
        Set<ItemKey> seen = new HashSet<>();
        for (Map.Entry<Track, List<ScoredLine>> entry : linesByTrack.entrySet()) {
            for (ScoredLine line : entry.getValue()) {
                ItemScore score = checkLine(plan, entry.getKey(), line, seen, errors);
                if (score != null) {
                    scores.add(score);
                }
            }
        }
        Set<ItemKey> missing = new LinkedHashSet<>(plan.requiredItems());
        missing.removeAll(seen);
        for (ItemKey key : missing) {
            String track = key.item().track() == Track.PROJECT ? "project" : "collaboration";
            String which = key.targetId() == null ? "" : " (" + key.targetId() + ")";
            errors.add(FieldError.of(track, "Item " + key.item() + which + " is not scored.",
                    "評価項目 " + key.item().labelJa() + which + " が評価されていません。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        scores.sort((a, b) -> a.key().compareTo(b.key()));
        return scores;
    }

    private static ItemScore checkLine(EvaluationPlan plan, Track track, ScoredLine line, Set<ItemKey> seen,
            List<FieldError> errors) {
        int before = errors.size();
        EvaluationItem item = line.item();
        if (item.track() != track) {
            errors.add(FieldError.of(line.path() + ".item", item + " belongs to the other track.",
                    item.labelJa() + " は別の評価軸（" + item.track().labelJa() + "）の項目です。"));
            return null;
        }
        UUID targetId = targetOf(plan, line, errors);
        if (!ScoreScale.isOnScale(line.score())) {
            errors.add(FieldError.of(line.path() + ".score", "Score on the scale 1 to 5.", "1〜5 の段階で評価してください。"));
        } else if (ScoreScale.requiresReason(line.score()) && (line.reason() == null || line.reason().isBlank())) {
            errors.add(FieldError.of(line.path() + ".reason", "A score of 1 or 2 needs a written reason.",
                    "評価が 1 または 2 の場合は理由を記入してください。"));
        }
        BigDecimal rate = null;
        if (item.target() == EvaluationItem.Target.INDICATOR) {
            if (line.actualValue() == null) {
                errors.add(FieldError.of(line.path() + ".actualValue", "State the actual value of the indicator.",
                        "活動指標の実績値を入力してください。"));
            } else if (line.actualValue().signum() < 0) {
                errors.add(FieldError.of(line.path() + ".actualValue", "An actual value cannot be negative.",
                        "実績値は 0 以上で入力してください。"));
            } else if (targetId != null) {
                rate = AchievementRate.of(line.actualValue(), plan.indicator(targetId).orElseThrow().targetValue);
            }
        } else if (line.actualValue() != null && item != EvaluationItem.PROJECT_BENEFICIARY_SATISFACTION) {
            errors.add(FieldError.of(line.path() + ".actualValue", "Only indicators and satisfaction have an actual value.",
                    "実績値を入力できるのは活動指標と満足度のみです。"));
        }
        if (errors.size() > before) {
            return null;
        }
        ItemKey key = new ItemKey(item, targetId);
        if (!seen.add(key)) {
            errors.add(FieldError.of(line.path() + ".item", "This item is scored twice.", "この評価項目が重複しています。"));
            return null;
        }
        if (item == EvaluationItem.PROJECT_BENEFICIARY_SATISFACTION && line.actualValue() != null
                && plan.satisfactionTargetPercent != null) {
            rate = AchievementRate.of(line.actualValue(), plan.satisfactionTargetPercent);
        }
        return new ItemScore(item, targetId, line.score(), blankToNull(line.reason()), line.actualValue(), rate);
    }

    private static UUID targetOf(EvaluationPlan plan, ScoredLine line, List<FieldError> errors) {
        switch (line.item().target()) {
            case INDICATOR -> {
                if (line.indicatorId() == null || plan.indicator(line.indicatorId()).isEmpty()) {
                    errors.add(FieldError.of(line.path() + ".indicatorId", "Name an activity indicator of the plan.",
                            "評価計画の活動指標を指定してください。"));
                    return null;
                }
                if (line.goalId() != null) {
                    errors.add(FieldError.of(line.path() + ".goalId", "An indicator item names no goal.",
                            "活動指標の項目には成果目標を指定できません。"));
                }
                return line.indicatorId();
            }
            case GOAL -> {
                if (line.goalId() == null || !plan.hasGoal(line.goalId())) {
                    errors.add(FieldError.of(line.path() + ".goalId", "Name an outcome goal of the plan.",
                            "評価計画の成果目標を指定してください。"));
                    return null;
                }
                if (line.indicatorId() != null) {
                    errors.add(FieldError.of(line.path() + ".indicatorId", "A goal item names no indicator.",
                            "成果目標の項目には活動指標を指定できません。"));
                }
                return line.goalId();
            }
            default -> {
                if (line.indicatorId() != null || line.goalId() != null) {
                    errors.add(FieldError.of(line.path() + ".item", "This item is scored for the round as a whole.",
                            "この項目は活動指標・成果目標ごとではなく全体で評価します。"));
                }
                return null;
            }
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
