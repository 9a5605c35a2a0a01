package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;

/**
 * 精算の残額: what a fixed (or accepted) amount leaves once set against the advances — a balance the partner invoices
 * and the city pays within the closing period of the budget year, or an excess ordered back (返還命令) — as a grant and
 * a commission year both settle it.
 */
public class BalanceDue {
    public Yen toPayYen;
    public Yen toReturnYen;
    public Yen invoicedYen;
    public LocalDate invoicedOn;
    public Yen paidYen;
    public LocalDate paidOn;
    public LocalDate refundOrderedOn;
    public LocalDate refundedOn;

    /** What the fixed amount leaves to do. */
    public enum Outcome {
        /** The partner invoices the rest. */
        INVOICE,
        /** The excess is ordered back. */
        REFUND,
        /** Nothing: the advances were exactly the amount. */
        SETTLED
    }

    /** Sets {@code finalAmount} against what was paid in advance, on {@code day}. */
    public Outcome fix(Yen finalAmount, Yen advances, LocalDate day) {
        Balance balance = Balance.of(finalAmount, advances);
        toPayYen = balance.toPay();
        toReturnYen = balance.toReturn();
        if (toReturnYen.amount() > 0) {
            refundOrderedOn = day;
            return Outcome.REFUND;
        }
        return balance.settled() ? Outcome.SETTLED : Outcome.INVOICE;
    }

    /** Orders back {@code amount} (everything paid, when a decision is cancelled). */
    public void orderRefund(Yen amount, LocalDate day) {
        toPayYen = Yen.ZERO;
        toReturnYen = amount;
        refundOrderedOn = day;
    }

    /** A proper invoice asks for exactly the balance (400 naming {@code amountYen} otherwise). */
    public void invoice(Yen amount, LocalDate day) {
        if (!amount.equals(toPayYen)) {
            throw ProblemException.invalidField("amountYen", "A proper invoice asks for the balance due: " + toPayYen
                    + ".", "請求額は残額（" + toPayYen + "）です。");
        }
        invoicedYen = amount;
        invoicedOn = day;
    }

    /** The invoice paid on {@code day}, not before it and within the budget year's closing period (400 naming paidOn). */
    public void pay(LocalDate day, FiscalYear budgetYear) {
        if (day.isBefore(invoicedOn)) {
            throw ProblemException.invalidField("paidOn", "A payment cannot precede the invoice (" + invoicedOn + ").",
                    "支払日が請求日（" + invoicedOn + "）より前です。");
        }
        ClosingPeriod.requirePayable(budgetYear, day, "paidOn");
        paidYen = invoicedYen;
        paidOn = day;
    }

    public void refunded(LocalDate day) {
        refundedOn = day;
    }

    /** The final payment made so far (nothing before it). */
    public Yen paid() {
        return paidYen == null ? Yen.ZERO : paidYen;
    }
}
