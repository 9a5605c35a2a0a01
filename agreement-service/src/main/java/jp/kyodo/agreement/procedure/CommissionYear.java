package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import jp.kyodo.kernel.Yen;

/** The figures of a commission's performance in one fiscal year: the amount due, advances, report, inspection, payment. */
public class CommissionYear {
    public int fiscalYear;
    /** The contract amount for the year (the departments' cost lines of the version in force). */
    public Yen contractAmountYen;
    public Yen advancesPaidYen = Yen.ZERO;
    public LocalDate completedOn;
    public LocalDate reportedOn;
    /** How many times the report was returned with findings. */
    public int returnedCount;
    public String lastFindings;
    public LocalDate inspectedOn;
    /** The amount the work is accepted at (精算額): the contract amount, or for 概算払 the actual amount. */
    public Yen finalAmountYen;
    /** The balance of the accepted amount: invoice and payment, or refund. */
    @JsonUnwrapped
    public BalanceDue balance = new BalanceDue();
}
