package jp.kyodo.agreement.procedure;

import java.util.Map;

import jp.kyodo.kernel.CollaborationForm;

/**
 * The forms' state machines as the Mermaid diagrams of agreement-service's README, drawn from the machines themselves
 * (a test keeps the README equal to {@link #markdown}), with the names a city official reads.
 */
public final class ProcedureDiagrams {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("DECIDED", "交付決定"), Map.entry("REPORTED", "報告済"),
            Map.entry("AWAITING_INVOICE", "請求待ち"), Map.entry("INVOICED", "請求受理"), Map.entry("PAID", "支払済"),
            Map.entry("REFUND_ORDERED", "返還命令"), Map.entry("REFUNDED", "返還済"), Map.entry("SETTLED", "精算済"),
            Map.entry("CANCELLED", "取消"), Map.entry("IN_PROGRESS", "履行中"), Map.entry("RETURNED", "差戻し"),
            Map.entry("UNAPPOINTED", "検査員未指定"), Map.entry("APPOINTED", "検査員指定済"),
            Map.entry("RECEIVED", "受理・審査中"), Map.entry("APPROVED", "承認"), Map.entry("REFUSED", "不承認"),
            Map.entry("PLANNED", "開催予定"), Map.entry("LENT", "貸与中"), Map.entry("ONGOING", "報告期間中"),
            Map.entry("ALL_REPORTED", "全期間報告済"), Map.entry("REQUESTED", "申請中"), Map.entry("DECLINED", "不支給"),
            Map.entry("CHANGE_APPROVAL", "変更承認"), Map.entry("ADVANCE_PAYMENT", "概算払・前金払"),
            Map.entry("RESULTS_REPORT", "実績報告"), Map.entry("AMOUNT_FIXING", "額の確定"), Map.entry("INVOICE", "請求"),
            Map.entry("PAYMENT", "支払"), Map.entry("REFUND", "返還"), Map.entry("CANCELLATION", "取消"),
            Map.entry("COMPLETION_REPORT", "完了報告"), Map.entry("INSPECTION", "完了検査"),
            Map.entry("APPOINT_INSPECTOR", "検査員の指定"), Map.entry("APPROVAL", "承認"), Map.entry("REFUSAL", "不承認"),
            Map.entry("EVENT_REPORT", "事業報告"), Map.entry("RETURN", "返却"), Map.entry("ACTIVITY_REPORT", "活動報告"),
            Map.entry("DECLINE", "不支給"));

    private ProcedureDiagrams() {
    }

    /** Every form's machines, form by form, as README sections. */
    public static String markdown(Procedures procedures) {
        StringBuilder out = new StringBuilder();
        for (CollaborationForm form : CollaborationForm.values()) {
            FormProcedure procedure = procedures.of(form);
            for (StepMachine<?, ?> machine : procedure.machines()) {
                out.append("#### ").append(form.japanese()).append(" (").append(form).append("): ")
                        .append(machine.name()).append("\n\n```mermaid\n")
                        .append(machine.mermaid(ProcedureDiagrams::label, ProcedureDiagrams::label)).append("```\n\n");
            }
        }
        return out.toString();
    }

    private static String label(Enum<?> value) {
        return LABELS.getOrDefault(value.name(), value.name()) + " " + value.name();
    }
}
