package jp.kyodo.evaluation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.evaluation.domain.EvaluationItem;

/** Statistics of evaluations for the council's review of the collaboration ordinance. */
@Schema(name = "EvaluationStatistics", description = "Evaluation statistics (協働事業評価の集計)")
public record EvaluationStatistics(
        @Schema(description = "The dimension the cells are grouped by") Dimension by,
        @Schema(description = "Which rounds were counted: PUBLISHED only, or CLOSED and PUBLISHED for staff and analysts") String basis,
        @Schema(description = "Cells with fewer cases than this are hidden; absent when nothing is hidden", nullable = true) Integer minimumCases,
        @Schema(description = "One cell per value of the dimension") List<Cell> cells) {

    /** Dimensions of the statistics. */
    @Schema(name = "StatisticsDimension")
    public enum Dimension {
        FISCAL_YEAR, FIELD, FORM, ACTOR_TYPE
    }

    @Schema(name = "EvaluationStatisticsCell", description = "Figures of one value of the dimension")
    public record Cell(
            @Schema(description = "Value of the dimension, e.g. 2027 or WELFARE") String key,
            @Schema(description = "Cases: rounds, or party self-assessments when grouped by actor type; absent when hidden", nullable = true) Long cases,
            @Schema(description = "True when the cell has fewer than the minimum cases and its figures are hidden") boolean suppressed,
            @Schema(description = "事業の評価: mean score per item; absent when hidden", nullable = true) List<ItemMean> project,
            @Schema(description = "協働の評価: mean score per item; absent when hidden", nullable = true) List<ItemMean> collaboration,
            @Schema(description = "Share of item lines flagged as divergent in the mutual review (0–1)", nullable = true) BigDecimal divergentItemShare,
            @Schema(description = "How many indicator lines fall in each band of achievement rate; absent when hidden",
                    nullable = true) List<Band> indicatorAchievement) {

        static Cell hidden(String key) {
            return new Cell(key, null, true, null, null, null, null);
        }
    }

    @Schema(name = "EvaluationItemMean", description = "Mean score of one item")
    public record ItemMean(
            @Schema(description = "Item") EvaluationItem item,
            @Schema(description = "Mean on the 1–5 scale, two decimals") BigDecimal mean,
            @Schema(description = "How many scores were averaged") long scores) {
    }

    @Schema(name = "EvaluationAchievementBand", description = "A band of indicator achievement rates")
    public record Band(
            @Schema(description = "BELOW_50, FROM_50_TO_80, FROM_80_TO_100, FROM_100_TO_120, AT_LEAST_120 or UNKNOWN") String band,
            @Schema(description = "Indicator lines in the band") long count) {
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
