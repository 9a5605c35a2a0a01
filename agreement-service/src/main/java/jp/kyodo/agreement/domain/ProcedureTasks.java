package jp.kyodo.agreement.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;

/**
 * The steps of a form's procedure that wait for someone, as the tracks say them: each track names its next step, who
 * takes it (the partner, the department, or the inspector it appointed) and by when. One task per expectation: the
 * track is its aggregate and how often the step was taken on it before is its occurrence, so that a step expected
 * again (a completion report after a failed inspection) is a new task, not the old one reopened.
 */
public final class ProcedureTasks {

    public static final String AGGREGATE = "agreement-procedure";

    /** What each step asks for, in Japanese and English; by track kind where one step name means two things. */
    private static final Map<String, String[]> LABELS = Map.ofEntries(
            Map.entry("ADVANCE_PAYMENT", label("前金払・概算払", "advance payment")),
            Map.entry("COMPLETION_REPORT", label("完了報告", "completion report")),
            Map.entry("INSPECTION", label("完了検査", "completion inspection")),
            Map.entry("INVOICE", label("請求", "invoice")),
            Map.entry("PAYMENT", label("支払", "payment")),
            Map.entry("REFUND", label("返還", "refund")),
            Map.entry("RESULTS_REPORT", label("実績報告", "results report")),
            Map.entry("AMOUNT_FIXING", label("額の確定", "fixing of the amount")),
            Map.entry("CHANGE_APPROVAL", label("変更承認", "approval of the change")),
            Map.entry("ENDORSED_EVENT.APPROVAL", label("後援の承認・不承認", "decision on the endorsement")),
            Map.entry("SUPPLY_REQUEST.APPROVAL", label("物品支給の決定", "decision on the supplies")),
            Map.entry("EVENT_REPORT", label("事業報告", "event report")),
            Map.entry("ACTIVITY_REPORT", label("活動報告", "activity report")),
            Map.entry("RETURN", label("物品の返却", "return of the goods")),
            Map.entry("APPOINT_INSPECTOR", label("検査員の指定", "appointment of the inspector")));

    private ProcedureTasks() {
    }

    /**
     * Who is expected to take a track's next step; empty when nobody is, or when the step is the city's decision on the
     * application itself, which is the application's own task ({@link AgreementTasks#decision}).
     */
    public static List<TaskAddressee> addressees(TrackKind kind, String step, ProcedureTrack.Actor actor,
            AgreementContent content, String inspectorSubject) {
        UUID department = AgreementTasks.departmentOf(content);
        if (actor == null || step == null || (kind == TrackKind.ENDORSED_EVENT && step.equals("APPROVAL"))) {
            return List.of();
        }
        return switch (actor) {
            case PARTNER -> content.parties().stream().filter(p -> !p.isCityDepartment())
                    .map(p -> TaskAddressee.organization(p.organizationId())).toList();
            case CITY -> department == null ? List.of() : List.of(TaskAddressee.organization(department));
            // Until an inspector is appointed, the department is asked.
            case INSPECTOR -> inspectorSubject != null ? List.of(TaskAddressee.person(inspectorSubject, department))
                    : department == null ? List.of() : List.of(TaskAddressee.organization(department));
        };
    }

    /** The task of one addressee for a step a track expects, after the step was taken {@code timesTaken} times. */
    public static TaskRef expected(ProcedureTrack track, String step, TaskAddressee addressee, long timesTaken) {
        TaskRef ref = new TaskRef(AGGREGATE, track.id, step, addressee, timesTaken, null);
        return isYearly(track.kind) ? ref.fiscalYear(Integer.parseInt(track.trackKey)) : ref;
    }

    /** The tasks a track's current expectation opens. */
    public static List<OpenTask> open(ProcedureTrack track, AgreementContent content, String inspectorSubject,
            long timesTaken) {
        if (track.nextStep == null) {
            return List.of();
        }
        UUID department = AgreementTasks.departmentOf(content);
        String[] label = labelOf(track.kind, track.nextStep);
        String year = isYearly(track.kind) ? track.trackKey + "年度の" : "";
        String yearEn = isYearly(track.kind) ? " for fiscal year " + track.trackKey : "";
        return addressees(track.kind, track.nextStep, ProcedureTrack.Actor.valueOf(track.nextActor), content,
                inspectorSubject).stream()
                .map(addressee -> new OpenTask(expected(track, track.nextStep, addressee, timesTaken), track.dueOn,
                        department, "「" + content.title() + "」の" + year + label[0],
                        capitalised(label[1]) + yearEn + " of “" + content.title() + "”",
                        "/api/agreements/" + track.agreementId + "/procedure"))
                .toList();
    }

    private static boolean isYearly(TrackKind kind) {
        return kind == TrackKind.GRANT_YEAR || kind == TrackKind.COMMISSION_YEAR;
    }

    private static String[] labelOf(TrackKind kind, String step) {
        String[] label = LABELS.get(kind + "." + step);
        if (label == null) {
            label = LABELS.get(step);
        }
        return label != null ? label : label(step, step.toLowerCase().replace('_', ' '));
    }

    private static String[] label(String ja, String en) {
        return new String[] { ja, en };
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
