package jp.kyodo.evaluation.domain;

/** Public statistics hide every cell computed from fewer than 3 cases, so no single evaluation can be read off. */
public final class SmallCellSuppression {

    public static final int MINIMUM_CASES = 3;

    private SmallCellSuppression() {
    }

    public static boolean hides(long cases) {
        return cases < MINIMUM_CASES;
    }
}
