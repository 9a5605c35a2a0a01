package jp.kyodo.agreement.procedure;

import jp.kyodo.kernel.Yen;

/**
 * 精算: what remains once the final amount is set against what was paid in advance: the city pays the rest, or the
 * partner returns the excess (返還). Never both.
 */
public record Balance(Yen toPay, Yen toReturn) {

    public static Balance of(Yen finalAmount, Yen paidInAdvance) {
        return finalAmount.exceeds(paidInAdvance) ? new Balance(finalAmount.minus(paidInAdvance), Yen.ZERO)
                : new Balance(Yen.ZERO, paidInAdvance.minus(finalAmount));
    }

    public boolean settled() {
        return toPay.amount() == 0 && toReturn.amount() == 0;
    }
}
