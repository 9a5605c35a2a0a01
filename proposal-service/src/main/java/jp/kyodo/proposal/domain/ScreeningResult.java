package jp.kyodo.proposal.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The aggregate of a proposal's screening: the mean score per criterion and the weighted mean over the criteria
 * (Σ weight × criterion mean ÷ Σ weight). It names no reviewer and quotes no comment, so it can be published.
 */
@Schema(description = "Aggregate screening result (審査結果): no reviewer named, no comment quoted")
public record ScreeningResult(@Schema(description = "How many reviewers submitted scores") int reviewerCount,
        @Schema(description = "Mean score (1-5) per criterion (審査基準), two decimals") Map<ScreeningCriterion, BigDecimal> meanByCriterion,
        @Schema(description = "Weight of each criterion") Map<ScreeningCriterion, Integer> criteriaWeights,
        @Schema(description = "Weighted mean over the criteria (Σ weight × mean ÷ Σ weight); absent without scores", nullable = true) BigDecimal weightedMean) {

    public static ScreeningResult of(Map<ScreeningCriterion, Integer> weights, List<ReviewerScore> submitted) {
        Map<ScreeningCriterion, BigDecimal> means = new EnumMap<>(ScreeningCriterion.class);
        if (submitted.isEmpty()) {
            return new ScreeningResult(0, means, weights, null);
        }
        double weightedSum = 0;
        double weightTotal = 0;
        for (ScreeningCriterion criterion : ScreeningCriterion.values()) {
            double mean = submitted.stream().flatMap(s -> s.scores.stream()).filter(c -> c.criterion() == criterion)
                    .mapToInt(CriterionScore::score).average().orElse(Double.NaN);
            if (Double.isNaN(mean)) {
                continue;
            }
            means.put(criterion, round(mean));
            int weight = weights.getOrDefault(criterion, 1);
            weightedSum += weight * mean;
            weightTotal += weight;
        }
        return new ScreeningResult(submitted.size(), means, weights,
                weightTotal == 0 ? null : round(weightedSum / weightTotal));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
