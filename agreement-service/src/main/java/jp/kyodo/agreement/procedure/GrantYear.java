package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jp.kyodo.kernel.Yen;

/**
 * The figures of one fiscal year's subsidy grant (補助年度), as the steps set them: the decision (and changes to it),
 * advances, the results report, the fixed amount, the invoice, the payment or refund, a cancellation.
 */
public class GrantYear {
    public int fiscalYear;
    /** The application (version) the decision, or the last change approval, was made on. */
    public int decidedOnVersion;
    /** The subsidy applied for in that version for the year (the departments' cost lines). */
    public Yen requestedYen;
    /** The year's budgeted project cost in that version (every party's cost lines). */
    public Yen budgetedCostYen;
    public Yen decidedAmountYen;
    public SubsidyRate rate;
    public Yen capYen;
    public String conditions;
    public LocalDate decidedOn;
    public Yen advancesPaidYen = Yen.ZERO;
    public Yen reportedCostYen;
    public LocalDate reportedOn;
    public Yen eligibleCostYen;
    public Yen fixedAmountYen;
    public LocalDate fixedOn;
    /** The balance of the fixed amount: invoice and payment, or refund. */
    @JsonUnwrapped
    public BalanceDue balance = new BalanceDue();
    public String cancellationReason;
    public LocalDate cancelledOn;

    /** Everything the city has paid for the year so far (advances and the final payment). */
    public Yen paidSoFar() {
        return advancesPaidYen.plus(balance.paid());
    }
}
