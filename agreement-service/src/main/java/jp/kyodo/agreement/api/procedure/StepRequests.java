package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bodies of the procedure steps; each names the organisation the caller acts for. */
public final class StepRequests {

    private StepRequests() {
    }

    @Schema(name = "AdvancePaymentRequest", description = "A payment before the final one (概算払・前金払), charged to the "
            + "track's fiscal year")
    public record AdvancePayment(
            @Schema(description = "The department paying", required = true) @NotNull UUID actingFor,
            @Schema(description = "Amount in whole yen", required = true, minimum = "1") @NotNull @Min(1) Long amountYen,
            @Schema(description = "Day paid; within the fiscal year or its closing period (出納整理期間, to 31 May)",
                    required = true, format = "date") @NotNull LocalDate paidOn) {
    }

    @Schema(name = "GrantResultsReportRequest", description = "A subsidy's results report (実績報告) for the year")
    public record GrantResultsReport(
            @Schema(description = "The partner reporting", required = true) @NotNull UUID actingFor,
            @Schema(description = "Actual project costs of the year in whole yen (実支出額)", required = true,
                    minimum = "0") @NotNull @PositiveOrZero Long actualCostYen,
            @Schema(description = "What was done (事業の実績)", maxLength = 8000) @Size(max = 8000) String summary) {
    }

    @Schema(name = "AmountFixingRequest", description = "The fixing of a subsidy's amount (額の確定)")
    public record AmountFixing(
            @Schema(description = "The department fixing it (its signatory)", required = true) @NotNull UUID actingFor,
            @Schema(description = "Eligible actual costs accepted, whole yen (補助対象経費の実支出額); at most those reported",
                    required = true, minimum = "0") @NotNull @PositiveOrZero Long eligibleCostYen,
            @Schema(description = "The amount fixed, whole yen; when absent, the rule's amount (the smallest of the "
                    + "decided amount, eligible costs × rate and the cap, rounded down to the thousand yen); never more",
                    minimum = "0") @PositiveOrZero Long fixedAmountYen) {
    }

    @Schema(name = "InvoiceRequest", description = "An invoice (請求) for the balance due")
    public record Invoice(
            @Schema(description = "The partner invoicing", required = true) @NotNull UUID actingFor,
            @Schema(description = "Amount invoiced in whole yen: exactly the balance due", required = true,
                    minimum = "0") @NotNull @PositiveOrZero Long amountYen) {
    }

    @Schema(name = "PaymentRequest", description = "The payment (支払) of the invoice, charged to the track's fiscal year")
    public record Payment(
            @Schema(description = "The department paying", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day paid; not before the invoice, and within the fiscal year or its closing period "
                    + "(出納整理期間, to 31 May)", required = true, format = "date") @NotNull LocalDate paidOn) {
    }

    @Schema(name = "RefundReceiptRequest", description = "That the refund ordered (返還) was received")
    public record RefundReceipt(
            @Schema(description = "The department receiving it", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day received", required = true, format = "date") @NotNull LocalDate receivedOn) {
    }

    @Schema(name = "InspectorAppointmentRequest", description = "The appointment of a commission's inspector (検査員)")
    public record InspectorAppointment(
            @Schema(description = "The department appointing", required = true) @NotNull UUID actingFor,
            @Schema(description = "Subject (login id) of the inspector: a member of a department party", required = true,
                    maxLength = 255) @NotBlank @Size(max = 255) String inspectorSubject) {
    }

    @Schema(name = "CompletionReportRequest", description = "A commission's completion report (完了報告) for the year")
    public record CompletionReport(
            @Schema(description = "The partner reporting", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day the work was completed", required = true, format = "date") @NotNull
            LocalDate completedOn,
            @Schema(description = "What was done and delivered", maxLength = 8000) @Size(max = 8000) String summary) {
    }

    @Schema(name = "InspectionRequest", description = "The completion inspection (完了検査) of a commission's year")
    public record Inspection(
            @Schema(description = "The department the inspector belongs to", required = true) @NotNull UUID actingFor,
            @Schema(description = "PASSED (合格) or RETURNED (不合格: the report goes back with the findings)",
                    required = true) @NotNull InspectionResult result,
            @Schema(description = "Findings (指摘事項); required when RETURNED", maxLength = 8000) @Size(max = 8000)
            String findings,
            @Schema(description = "For 概算払: the amount the work is accepted at (精算額, whole yen), at most the year's "
                    + "contract amount; otherwise the contract amount", minimum = "0") @PositiveOrZero Long finalAmountYen) {
    }

    /** The result of an inspection. */
    public enum InspectionResult {
        PASSED, RETURNED
    }

    @Schema(name = "EventReportRequest", description = "The report after an event (事業報告): an endorsed event or a "
            + "co-hosted one")
    public record EventReport(
            @Schema(description = "The party reporting", required = true) @NotNull UUID actingFor,
            @Schema(description = "Day it was held (first day)", required = true, format = "date") @NotNull
            LocalDate heldOn,
            @Schema(description = "Attendance (参加者数)", required = true, minimum = "0", maximum = "10000000") @NotNull
            @Min(0) @Max(10_000_000) Integer attendance,
            @Schema(description = "How it went (実施報告)", required = true, maxLength = 8000) @NotBlank @Size(max = 8000)
            String summary,
            @Schema(description = "Co-hosting: the event's actual cost, whole yen", minimum = "0") @PositiveOrZero
            Long actualCostYen) {
    }
}
