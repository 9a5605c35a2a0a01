package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.GrantYear;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.SubsidyRate;

/** One fiscal year's subsidy grant as its steps left it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "GrantYear", description = "A fiscal year's subsidy grant (補助年度): decision, advances, results report, "
        + "fixed amount, invoice, payment or refund; amounts in whole yen")
public record GrantYearView(
        @Schema(description = "The fiscal year (年度); the budget year every payment of this grant is charged to",
                required = true) int fiscalYear,
        @Schema(description = "State: DECIDED (交付決定), REPORTED (実績報告), AWAITING_INVOICE (額の確定・請求待ち), INVOICED, "
                + "PAID, REFUND_ORDERED (返還命令), REFUNDED, SETTLED (過不足なし), CANCELLED (取消)", required = true)
        GrantState state,
        @Schema(description = "The application version the decision (or its last change) was made on", required = true)
        int decidedOnVersion,
        @Schema(description = "Subsidy applied for that year (交付申請額)", required = true) long requestedYen,
        @Schema(description = "Budgeted project cost that year (事業費)", required = true) long budgetedCostYen,
        @Schema(description = "Decided amount (交付決定額)", required = true) long decidedAmountYen,
        @Schema(description = "Subsidy rate (補助率)", required = true) SubsidyRate rate,
        @Schema(description = "Cap (上限額)", required = true) long capYen,
        @Schema(description = "Conditions of the decision (交付の条件)", nullable = true) String conditions,
        @Schema(description = "Day of the decision (or its last change)", required = true, format = "date")
        LocalDate decidedOn,
        @Schema(description = "Advances paid (概算払額)", required = true) long advancesPaidYen,
        @Schema(description = "Actual costs reported (実績額)", nullable = true) Long reportedCostYen,
        @Schema(description = "Day of the results report", format = "date", nullable = true) LocalDate reportedOn,
        @Schema(description = "Eligible actual costs the city accepted (補助対象経費の実支出額)", nullable = true)
        Long eligibleCostYen,
        @Schema(description = "Fixed amount (確定額)", nullable = true) Long fixedAmountYen,
        @Schema(description = "Day the amount was fixed", format = "date", nullable = true) LocalDate fixedOn,
        @Schema(description = "Balance the city pays (fixed amount less advances)", nullable = true) Long toPayYen,
        @Schema(description = "Amount ordered back (返還額)", nullable = true) Long toReturnYen,
        @Schema(description = "Amount invoiced (請求額)", nullable = true) Long invoicedYen,
        @Schema(description = "Day the invoice was received", format = "date", nullable = true) LocalDate invoicedOn,
        @Schema(description = "Amount paid on the invoice", nullable = true) Long paidYen,
        @Schema(description = "Day it was paid (within the closing period 出納整理期間 of the fiscal year)", format = "date",
                nullable = true)
        LocalDate paidOn,
        @Schema(description = "Day the refund was ordered (返還命令)", format = "date", nullable = true)
        LocalDate refundOrderedOn,
        @Schema(description = "Day the refund was received", format = "date", nullable = true) LocalDate refundedOn,
        @Schema(description = "Why the decision was cancelled (取消の理由)", nullable = true) String cancellationReason,
        @Schema(description = "Day of the cancellation", format = "date", nullable = true) LocalDate cancelledOn,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected,
        @Schema(description = "The steps taken, oldest first", required = true) List<TrackViews.Step> steps) {

    public static GrantYearView of(ProcedureTrack track, LocalDate today) {
        GrantYear y = track.data(GrantYear.class);
        return new GrantYearView(y.fiscalYear, track.state(GrantState.class), y.decidedOnVersion,
                y.requestedYen.amount(), y.budgetedCostYen.amount(), y.decidedAmountYen.amount(), y.rate,
                y.capYen.amount(), y.conditions, y.decidedOn, y.advancesPaidYen.amount(), TrackViews.yen(y.reportedCostYen),
                y.reportedOn, TrackViews.yen(y.eligibleCostYen), TrackViews.yen(y.fixedAmountYen), y.fixedOn,
                TrackViews.yen(y.balance.toPayYen), TrackViews.yen(y.balance.toReturnYen), TrackViews.yen(y.balance.invoicedYen), y.balance.invoicedOn,
                TrackViews.yen(y.balance.paidYen), y.balance.paidOn, y.balance.refundOrderedOn, y.balance.refundedOn, y.cancellationReason,
                y.cancelledOn, TrackViews.Expected.of(track, today), TrackViews.Step.of(track));
    }
}
