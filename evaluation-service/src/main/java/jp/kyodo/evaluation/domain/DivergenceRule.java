package jp.kyodo.evaluation.domain;

import java.util.Collection;
import java.util.IntSummaryStatistics;

/** An item diverges (評価の乖離) when the highest and lowest party scores differ by 2 or more. */
public final class DivergenceRule {

    public static final int THRESHOLD = 2;

    private DivergenceRule() {
    }

    public static boolean diverges(Collection<Integer> scores) {
        if (scores.size() < 2) {
            return false;
        }
        IntSummaryStatistics stats = scores.stream().mapToInt(Integer::intValue).summaryStatistics();
        return stats.getMax() - stats.getMin() >= THRESHOLD;
    }
}
