package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.AmountFixing;
import jp.kyodo.agreement.procedure.BalanceDue;
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

    /** The grant a step is taken on, its figures and state before the step. */
    private record Grant(ProcedureSteps.Located at, GrantYear year, GrantState state) {
    }

    private Grant grant(UUID id, IfMatch ifMatch, int fiscalYear, Consumer<AgreementContent> authorise) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.SUBSIDY, TrackKind.GRANT_YEAR,
                Integer.toString(fiscalYear), authorise);
        return new Grant(at, at.track().data(GrantYear.class), at.track().state(GrantState.class));
    }

    /** 概算払: the department pays part of the decided amount in advance. */
    @Transactional
    public ProcedureTrack payAdvance(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount,
            LocalDate paidOn) {
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
        return step(g, GrantStep.ADVANCE_PAYMENT, GrantState.DECIDED, actingFor, "grant-advance-paid",
                "amountYen", amount, "paidOn", paidOn, "budgetYear", fiscalYear);
    }

    /** 実績報告: the partner reports the year's actual costs after its work. */
    @Transactional
    public ProcedureTrack reportResults(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen actualCost,
            String summary) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.RESULTS_REPORT);
        g.year().reportedCostYen = actualCost;
        g.year().reportedOn = ProcedureSteps.today();
        return step(g, GrantStep.RESULTS_REPORT, GrantState.REPORTED, actingFor, "grant-results-reported",
                "actualCostYen", actualCost, "summary", summary);
    }

    /**
     * 額の確定: the smallest of the decided amount, the eligible actual costs times the rate, and the cap, rounded down
     * to the thousand yen; the signatory may fix less, never more. Against the advances it leaves an amount to
     * invoice, a refund to order (返還命令), or nothing.
     */
    @Transactional
    public ProcedureTrack fixAmount(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen eligibleCost,
            Yen asked) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireSignatory(c, actingFor,
                asked == null ? decidedAmountOf(id, fiscalYear) : asked.amount()));
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
        y.eligibleCostYen = eligibleCost;
        y.fixedAmountYen = asked == null ? ruled : asked;
        y.fixedOn = ProcedureSteps.today();
        GrantState to = switch (y.balance.fix(y.fixedAmountYen, y.advancesPaidYen, y.fixedOn)) {
            case INVOICE -> GrantState.AWAITING_INVOICE;
            case REFUND -> GrantState.REFUND_ORDERED;
            case SETTLED -> GrantState.SETTLED;
        };
        return step(g, GrantStep.AMOUNT_FIXING, to, actingFor, "grant-amount-fixed", "eligibleCostYen", eligibleCost,
                "fixedAmountYen", asked);
    }

    private static long decidedAmountOf(UUID id, int fiscalYear) {
        return ProcedureTrack.of(id, TrackKind.GRANT_YEAR, Integer.toString(fiscalYear))
                .map(t -> t.data(GrantYear.class).decidedAmountYen.amount()).orElse(0L);
    }

    /** 請求: the partner invoices the balance of the fixed amount. */
    @Transactional
    public ProcedureTrack invoice(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.INVOICE);
        g.year().balance.invoice(amount, ProcedureSteps.today());
        return step(g, GrantStep.INVOICE, GrantState.INVOICED, actingFor, "grant-invoiced", "amountYen", amount);
    }

    /** 支払: the department pays the invoice, charged to the grant's budget year (出納整理期間 allowing). */
    @Transactional
    public ProcedureTrack pay(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate paidOn) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.PAYMENT);
        BalanceDue balance = g.year().balance;
        balance.pay(paidOn, FiscalYear.of(fiscalYear));
        return step(g, GrantStep.PAYMENT, GrantState.PAID, actingFor, "grant-paid", "paidOn", paidOn, "budgetYear",
                fiscalYear, "amountYen", balance.paidYen);
    }

    /** 返還: the department records that the refund ordered was received. */
    @Transactional
    public ProcedureTrack recordRefund(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate receivedOn) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.REFUND);
        g.year().balance.refunded(receivedOn);
        return step(g, GrantStep.REFUND, GrantState.REFUNDED, actingFor, "grant-refunded", "receivedOn", receivedOn,
                "amountYen", g.year().balance.toReturnYen);
    }

    /** 交付決定の取消: the signatory cancels the decision; what was paid is ordered back. */
    @Transactional
    public ProcedureTrack cancel(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, String reason) {
        Grant g = grant(id, ifMatch, fiscalYear, c -> access.requireSignatory(c, actingFor,
                decidedAmountOf(id, fiscalYear)));
        SubsidyProcedure.GRANT_YEAR.require(g.state(), GrantStep.CANCELLATION);
        GrantYear y = g.year();
        y.cancellationReason = reason;
        y.cancelledOn = ProcedureSteps.today();
        Yen paid = y.paidSoFar();
        GrantState to = GrantState.CANCELLED;
        if (paid.amount() > 0) {
            y.balance.orderRefund(paid, y.cancelledOn);
            to = GrantState.REFUND_ORDERED;
        }
        return step(g, GrantStep.CANCELLATION, to, actingFor, "grant-cancelled", "reason", reason);
    }

    /** The machine's next state, the figures, who acts next; then recorded and announced as {@code event}. */
    private ProcedureTrack step(Grant g, GrantStep step, GrantState to, UUID actingFor, String event,
            Object... entered) {
        ProcedureTrack track = g.at().track();
        track.state = SubsidyProcedure.GRANT_YEAR.next(g.state(), step, to).name();
        track.data = TrackData.write(g.year());
        procedures.of(CollaborationForm.SUBSIDY, SubsidyProcedure.class).expectNext(track, g.year(),
                g.at().content().term().end());
        return steps.record(g.at().agreement(), g.at().content(), track, step, g.state().name(),
                ProcedureSteps.entered(entered), actingFor, event);
    }
}
