package jp.kyodo.evaluation.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The mutual review's table (相互評価): every item of the plan with each party's score next to the others', flagged
 * by {@link DivergenceRule}. Built only from assessments the reader may see, so it never unseals anything.
 */
public final class SideBySide {

    /** One item with the parties' scores, in party order. */
    public record Line(ItemKey key, Map<UUID, ItemScore> scores, boolean divergent, Integer highest, Integer lowest) {
    }

    private SideBySide() {
    }

    public static List<Line> of(EvaluationPlan plan, List<SelfAssessment> assessments) {
        List<Line> lines = new ArrayList<>();
        for (ItemKey key : plan.requiredItems()) {
            Map<UUID, ItemScore> scores = new LinkedHashMap<>();
            for (UUID party : plan.partyIds()) {
                assessments.stream().filter(a -> a.organizationId.equals(party)).findFirst()
                        .flatMap(a -> a.scoreOf(key)).ifPresent(s -> scores.put(party, s));
            }
            List<Integer> values = scores.values().stream().map(s -> s.score).toList();
            lines.add(new Line(key, scores, DivergenceRule.diverges(values),
                    values.stream().max(Integer::compare).orElse(null), values.stream().min(Integer::compare).orElse(null)));
        }
        return lines;
    }

    public static List<Line> divergent(List<Line> lines) {
        return lines.stream().filter(Line::divergent).toList();
    }
}
