package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.AmountFixing;
import jp.kyodo.agreement.procedure.Balance;
import jp.kyodo.agreement.procedure.ClosingPeriod;
import jp.kyodo.agreement.procedure.GrantYear;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.SubsidyProcedure;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantStep;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * The steps of a fiscal year's subsidy grant once it is decided: advances (概算払), the results report (実績報告), the
 * fixing of the amount (額の確定), the invoice (請求), the payment (支払) or refund (返還), and the cancellation of the
 * decision (交付決定の取消). Each: find → authorise → If-Match → the machine → the rule → record and announce.
 */
@ApplicationScoped
public class GrantYears {

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @Inject
    Procedures procedures;

    /** The agreement and its grant year, after the caller's rights and the ETag were checked by {@code authorise}. */
    private record Grant(Agreement agreement, AgreementContent content, ProcedureTrack track, GrantYear year,
            GrantState state) {
    }

    private interface Authorisation {
        void check(AgreementContent content);
    }

    private Grant grant(UUID id, IfMatch ifMatch, int fiscalYear, Authorisation authorise) {
        Agreement agreement = Agreements.find(id);
        authorise.check(Agreements.current(agreement));
        ifMatch.requireCurrent(agreement.version);
        AgreementContent content = Agreements.inForce(agreement);
        ProcedureProblems.requireForm(content, CollaborationForm.SUBSIDY);
        ProcedureTrack track = steps.track(agreement, TrackKind.GRANT_YEAR, Integer.toString(fiscalYear));
        return new Grant(agreement, content, track, track.data(GrantYear.class), track.state(GrantState.class));
    }

    private SubsidyProcedure subsidy() {
        return procedures.of(CollaborationForm.SUBSIDY, SubsidyProcedure.class);
    }

    /** 概算払: the department pays part of the decided amount in advance. */
    @Transactional
    public ProcedureTrack payAdvance(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount, LocalDate paidOn) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.ADVANCE_PAYMENT);
        Yen after = g.year().advancesPaidYen.plus(amount);
        if (after.exceeds(g.year().decidedAmountYen)) {
            throw ProblemException.invalidField("amountYen", "Advances would exceed the decided amount of "
                    + g.year().decidedAmountYen + " (paid so far " + g.year().advancesPaidYen + ").",
                    "概算払の合計が交付決定額（" + g.year().decidedAmountYen + "）を超えます。");
        }
        ClosingPeriod.requirePayable(FiscalYear.of(fiscalYear), paidOn, "paidOn");
        g.year().advancesPaidYen = after;
        return step(g, GrantStep.ADVANCE_PAYMENT, GrantState.DECIDED, ProcedureSteps.entered("amountYen", amount, "paidOn", paidOn,
                "budgetYear", fiscalYear), actingFor, "grant-advance-paid");
    }

    /** 実績報告: the partner reports the year's actual costs after its work. */
    @Transactional
    public ProcedureTrack reportResults(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen actualCost,
            String summary) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.RESULTS_REPORT);
        g.year().reportedCostYen = actualCost;
        g.year().reportedOn = ProcedureSteps.today();
        return step(g, GrantStep.RESULTS_REPORT, GrantState.REPORTED, ProcedureSteps.entered("actualCostYen", actualCost, "summary",
                summary), actingFor, "grant-results-reported");
    }

    /**
     * 額の確定: the smallest of the decided amount, the eligible actual costs times the rate, and the cap, rounded down
     * to the thousand yen; the signatory may fix less, never more. Against the advances it leaves an amount to
     * invoice, a refund to order (返還命令), or nothing.
     */
    @Transactional
    public ProcedureTrack fixAmount(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen eligibleCost,
            Yen asked) {
        Agreement agreement = Agreements.find(id);
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireSignatory(c, actingFor,
                asked == null ? decidedAmountOf(agreement, fiscalYear) : asked.amount()));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.AMOUNT_FIXING);
        GrantYear y = g.year();
        if (eligibleCost.exceeds(y.reportedCostYen)) {
            throw ProblemException.invalidField("eligibleCostYen", "Exceeds the actual costs reported ("
                    + y.reportedCostYen + ").", "実績報告の支出額（" + y.reportedCostYen + "）を超えています。");
        }
        Yen ruled = AmountFixing.fixedAmount(y.decidedAmountYen, eligibleCost, y.rate, y.capYen);
        if (asked != null && asked.exceeds(y.decidedAmountYen)) {
            throw ProblemException.invalidField("fixedAmountYen", "The fixed amount cannot exceed the decided amount ("
                    + y.decidedAmountYen + ").", "確定額は交付決定額（" + y.decidedAmountYen + "）を超えられません。");
        }
        if (asked != null && asked.exceeds(ruled)) {
            throw ProblemException.invalidField("fixedAmountYen", "The fixed amount cannot exceed " + ruled
                    + ": the smallest of the decided amount, eligible costs × " + y.rate + " and the cap, rounded down"
                    + " to the thousand yen.", "確定額は " + ruled + "（交付決定額・対象経費×補助率・上限額のうち最も低い額、千円未満切捨て）を超えられません。");
        }
        Yen fixed = asked == null ? ruled : asked;
        Balance balance = Balance.of(fixed, y.advancesPaidYen);
        y.eligibleCostYen = eligibleCost;
        y.fixedAmountYen = fixed;
        y.fixedOn = ProcedureSteps.today();
        y.toPayYen = balance.toPay();
        y.toReturnYen = balance.toReturn();
        GrantState to;
        if (balance.toReturn().amount() > 0) {
            y.refundOrderedOn = y.fixedOn;
            to = GrantState.REFUND_ORDERED;
        } else {
            to = balance.settled() ? GrantState.SETTLED : GrantState.AWAITING_INVOICE;
        }
        return step(g, GrantStep.AMOUNT_FIXING, to, ProcedureSteps.entered("eligibleCostYen", eligibleCost,
                "fixedAmountYen", asked), actingFor, "grant-amount-fixed");
    }

    private static long decidedAmountOf(Agreement agreement, int fiscalYear) {
        return ProcedureTrack.of(agreement.id, TrackKind.GRANT_YEAR, Integer.toString(fiscalYear))
                .map(t -> t.data(GrantYear.class).decidedAmountYen.amount()).orElse(0L);
    }

    /** 請求: the partner invoices the balance of the fixed amount. */
    @Transactional
    public ProcedureTrack invoice(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.INVOICE);
        if (!amount.equals(g.year().toPayYen)) {
            throw ProblemException.invalidField("amountYen", "A proper invoice asks for the balance of the fixed amount: "
                    + g.year().toPayYen + ".", "請求額は確定額の残額（" + g.year().toPayYen + "）です。");
        }
        g.year().invoicedYen = amount;
        g.year().invoicedOn = ProcedureSteps.today();
        return step(g, GrantStep.INVOICE, GrantState.INVOICED, ProcedureSteps.entered("amountYen", amount), actingFor, "grant-invoiced");
    }

    /** 支払: the department pays the invoice, charged to the grant's budget year (出納整理期間 allowing). */
    @Transactional
    public ProcedureTrack pay(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate paidOn) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.PAYMENT);
        if (paidOn.isBefore(g.year().invoicedOn)) {
            throw ProblemException.invalidField("paidOn", "A payment cannot precede the invoice (" + g.year().invoicedOn
                    + ").", "支払日が請求日（" + g.year().invoicedOn + "）より前です。");
        }
        ClosingPeriod.requirePayable(FiscalYear.of(fiscalYear), paidOn, "paidOn");
        g.year().paidYen = g.year().invoicedYen;
        g.year().paidOn = paidOn;
        return step(g, GrantStep.PAYMENT, GrantState.PAID, ProcedureSteps.entered("paidOn", paidOn, "budgetYear", fiscalYear,
                "amountYen", g.year().paidYen), actingFor, "grant-paid");
    }

    /** 返還: the department records that the refund ordered was received. */
    @Transactional
    public ProcedureTrack recordRefund(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate receivedOn) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.REFUND);
        g.year().refundedOn = receivedOn;
        return step(g, GrantStep.REFUND, GrantState.REFUNDED, ProcedureSteps.entered("receivedOn", receivedOn, "amountYen",
                g.year().toReturnYen), actingFor, "grant-refunded");
    }

    /** 交付決定の取消: the signatory cancels the decision; what was paid is ordered back. */
    @Transactional
    public ProcedureTrack cancel(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, String reason) {
        Agreement agreement = Agreements.find(id);
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireSignatory(c, actingFor,
                decidedAmountOf(agreement, fiscalYear)));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.CANCELLATION);
        GrantYear y = g.year();
        y.cancellationReason = reason;
        y.cancelledOn = ProcedureSteps.today();
        Yen paid = y.paidSoFar();
        GrantState to = GrantState.CANCELLED;
        if (paid.amount() > 0) {
            y.toPayYen = Yen.ZERO;
            y.toReturnYen = paid;
            y.refundOrderedOn = y.cancelledOn;
            to = GrantState.REFUND_ORDERED;
        }
        return step(g, GrantStep.CANCELLATION, to, ProcedureSteps.entered("reason", reason), actingFor, "grant-cancelled");
    }

    private ProcedureTrack step(Grant g, GrantStep step, GrantState to, Object entered, UUID actingFor, String event) {
        ProcedureTrack track = g.track();
        track.state = SubsidyProcedure.GRANT_YEAR.next(g.state(), step, to).name();
        track.data = TrackData.write(g.year());
        subsidy().expectNext(track, g.year(), g.content().term().end());
        return steps.record(g.agreement(), g.content(), track, step, g.state().name(), entered, actingFor, event);
    }
}
