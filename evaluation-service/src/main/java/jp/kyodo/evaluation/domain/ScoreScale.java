package jp.kyodo.evaluation.domain;

/**
 * The scale of every item (評価基準): 5 far above what was expected before the project, 4 a little above,
 * 3 as expected, 2 a little below, 1 far below. A score below expectations needs a written reason.
 */
public final class ScoreScale {

    public static final int LOWEST = 1;
    public static final int HIGHEST = 5;

    private ScoreScale() {
    }

    public static boolean isOnScale(Integer score) {
        return score != null && score >= LOWEST && score <= HIGHEST;
    }

    public static boolean requiresReason(int score) {
        return score <= 2;
    }

    public static String meaningJa(int score) {
        return switch (score) {
            case 5 -> "想定を大きく上回った";
            case 4 -> "想定をやや上回った";
            case 3 -> "想定どおり";
            case 2 -> "想定をやや下回った";
            case 1 -> "想定を大きく下回った";
            default -> throw new IllegalArgumentException("not on the scale: " + score);
        };
    }
}
