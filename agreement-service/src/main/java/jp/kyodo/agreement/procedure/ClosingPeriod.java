package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.time.Month;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.problem.ProblemException;

/**
 * 出納整理期間: a fiscal year's budget may still pay until 31 May of the next fiscal year. A payment therefore records
 * the budget year it is charged to, which is never derived from the day it is paid.
 */
public final class ClosingPeriod {

    private ClosingPeriod() {
    }

    /** The last day a payment may be charged to the budget year. */
    public static LocalDate lastPaymentDay(FiscalYear budgetYear) {
        return LocalDate.of(budgetYear.year() + 1, Month.MAY, 31);
    }

    /** 400 naming {@code field} unless a payment on {@code paidOn} may be charged to {@code budgetYear}. */
    public static void requirePayable(FiscalYear budgetYear, LocalDate paidOn, String field) {
        if (paidOn.isBefore(budgetYear.firstDay())) {
            throw ProblemException.invalidField(field,
                    "A payment of the budget of fiscal year " + budgetYear + " cannot be made before " + budgetYear.firstDay() + ".",
                    budgetYear.eraName() + "予算の支払は" + budgetYear.firstDay() + "より前にはできません。");
        }
        if (paidOn.isAfter(lastPaymentDay(budgetYear))) {
            throw ProblemException.invalidField(field,
                    "The closing period (出納整理期間) of fiscal year " + budgetYear + " ended on "
                            + lastPaymentDay(budgetYear) + ".",
                    budgetYear.eraName() + "の出納整理期間は" + lastPaymentDay(budgetYear) + "で終了しています。");
        }
    }
}
