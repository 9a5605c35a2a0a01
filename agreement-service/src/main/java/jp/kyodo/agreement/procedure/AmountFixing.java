package jp.kyodo.agreement.procedure;

import java.util.stream.Stream;

import jp.kyodo.kernel.Yen;

/**
 * 額の確定: the amount a subsidy finally pays is the smallest of the decided amount, the eligible actual costs times the
 * subsidy rate, and the cap, rounded down to the thousand yen. The same ceiling bounds the decision itself (on the
 * budgeted costs instead of the actual ones).
 */
public final class AmountFixing {

    private static final long THOUSAND = 1_000;

    private AmountFixing() {
    }

    /** The fixed amount (確定額) of a grant. */
    public static Yen fixedAmount(Yen decided, Yen eligibleActualCost, SubsidyRate rate, Yen cap) {
        return downToThousand(Stream.of(decided, rate.of(eligibleActualCost), cap).min(Yen::compareTo).orElseThrow());
    }

    /** The most a grant may be decided at on the budgeted costs of its year. */
    public static Yen decisionCeiling(Yen budgetedCost, SubsidyRate rate, Yen cap) {
        return downToThousand(Stream.of(rate.of(budgetedCost), cap).min(Yen::compareTo).orElseThrow());
    }

    /** Rounded down to the thousand yen (千円未満切捨て). */
    public static Yen downToThousand(Yen amount) {
        return Yen.of(amount.amount() / THOUSAND * THOUSAND);
    }
}
