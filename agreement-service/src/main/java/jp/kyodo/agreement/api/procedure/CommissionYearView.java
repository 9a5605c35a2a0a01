package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.CommissionProcedure.PerformanceState;
import jp.kyodo.agreement.procedure.CommissionYear;
import jp.kyodo.agreement.procedure.ProcedureTrack;

/** One fiscal year of a commission's performance as its steps left it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "CommissionYear", description = "A fiscal year of a commission (委託の年度): completion report, inspection, "
        + "invoice and payment; amounts in whole yen")
public record CommissionYearView(
        @Schema(description = "The fiscal year (年度); the budget year its payments are charged to", required = true)
        int fiscalYear,
        @Schema(description = "State: IN_PROGRESS (履行中), REPORTED (完了報告・検査待ち), RETURNED (差戻し), "
                + "AWAITING_INVOICE (検査合格・請求待ち), INVOICED, PAID, REFUND_ORDERED, REFUNDED, SETTLED", required = true)
        PerformanceState state,
        @Schema(description = "Contract amount of the year (委託料)", required = true) long contractAmountYen,
        @Schema(description = "Paid before the inspection (前金払・概算払)", required = true) long advancesPaidYen,
        @Schema(description = "Day the work was completed, as reported", format = "date", nullable = true)
        LocalDate completedOn,
        @Schema(description = "Day of the (last) completion report", format = "date", nullable = true)
        LocalDate reportedOn,
        @Schema(description = "How often the report was returned with findings", required = true) int returnedCount,
        @Schema(description = "Findings of the last inspection that returned it (指摘事項)", nullable = true)
        String lastFindings,
        @Schema(description = "Day of the passed inspection", format = "date", nullable = true) LocalDate inspectedOn,
        @Schema(description = "Amount the work was accepted at (精算額)", nullable = true) Long finalAmountYen,
        @Schema(description = "Balance the city pays", nullable = true) Long toPayYen,
        @Schema(description = "Amount to be returned (概算払の超過分)", nullable = true) Long toReturnYen,
        @Schema(description = "Amount invoiced", nullable = true) Long invoicedYen,
        @Schema(description = "Day the invoice was received", format = "date", nullable = true) LocalDate invoicedOn,
        @Schema(description = "Amount paid", nullable = true) Long paidYen,
        @Schema(description = "Day it was paid", format = "date", nullable = true) LocalDate paidOn,
        @Schema(description = "Day a refund was ordered", format = "date", nullable = true) LocalDate refundOrderedOn,
        @Schema(description = "Day the refund was received", format = "date", nullable = true) LocalDate refundedOn,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected,
        @Schema(description = "The steps taken, oldest first", required = true) List<TrackViews.Step> steps) {

    public static CommissionYearView of(ProcedureTrack track, LocalDate today) {
        CommissionYear y = track.data(CommissionYear.class);
        return new CommissionYearView(y.fiscalYear, track.state(PerformanceState.class), y.contractAmountYen.amount(),
                y.advancesPaidYen.amount(), y.completedOn, y.reportedOn, y.returnedCount, y.lastFindings, y.inspectedOn,
                TrackViews.yen(y.finalAmountYen), TrackViews.yen(y.balance.toPayYen), TrackViews.yen(y.balance.toReturnYen),
                TrackViews.yen(y.balance.invoicedYen), y.balance.invoicedOn, TrackViews.yen(y.balance.paidYen), y.balance.paidOn, y.balance.refundOrderedOn,
                y.balance.refundedOn, TrackViews.Expected.of(track, today), TrackViews.Step.of(track));
    }
}
