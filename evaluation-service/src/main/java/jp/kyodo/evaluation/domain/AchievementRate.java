package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Achievement of an activity indicator: the actual value as a percentage of the target value (達成率). */
public final class AchievementRate {

    private AchievementRate() {
    }

    /** Percent with two decimals; null when the target is zero (no rate can be stated). */
    public static BigDecimal of(BigDecimal actual, BigDecimal target) {
        if (actual == null || target == null || target.signum() == 0) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 2, RoundingMode.HALF_UP);
    }

    /** The band of the achievement distribution the statistics report. */
    public static String bandOf(BigDecimal percent) {
        if (percent == null) {
            return "UNKNOWN";
        }
        double p = percent.doubleValue();
        if (p < 50) {
            return "BELOW_50";
        }
        if (p < 80) {
            return "FROM_50_TO_80";
        }
        if (p < 100) {
            return "FROM_80_TO_100";
        }
        if (p < 120) {
            return "FROM_100_TO_120";
        }
        return "AT_LEAST_120";
    }

    public static final java.util.List<String> BANDS = java.util.List.of("BELOW_50", "FROM_50_TO_80", "FROM_80_TO_100",
            "FROM_100_TO_120", "AT_LEAST_120");
}
