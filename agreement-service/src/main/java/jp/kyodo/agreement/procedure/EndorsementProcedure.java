package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.EndorsementTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;

/**
 * 後援 (ENDORSEMENT). An organisation applies to use the city's name for an event (後援名義使用承認申請), directly or
 * after a proposal; the version is that application. It must be received at least the configured number of days
 * before the event; the city alone decides it within the configured days — approval with conditions (producing the
 * 後援名義使用承認書), or refusal with reasons; the exclusion rules (political, religious or commercial purpose, an
 * organiser not eligible) forbid approval. After the event the organiser reports on it, which completes the
 * endorsement. Endorsements are not evaluated: the city records the event report.
 */
public final class EndorsementProcedure extends FormProcedure {

    /** The states of an endorsed event. */
    public enum EndorsementState {
        /** 申請受理・審査中 */
        RECEIVED,
        /** 承認 */
        APPROVED,
        /** 不承認 */
        REFUSED,
        /** 事業報告済 */
        REPORTED
    }

    /** The steps of an endorsement after its receipt. */
    public enum EndorsementStep {
        /** 承認（条件付き） */
        APPROVAL,
        /** 不承認（理由付き） */
        REFUSAL,
        /** 変更承認: an amended application approved again */
        CHANGE_APPROVAL,
        /** 事業報告 */
        EVENT_REPORT
    }

    public static final StepMachine<EndorsementState, EndorsementStep> ENDORSED_EVENT = StepMachine
            .<EndorsementState, EndorsementStep>startingIn("endorsement", EndorsementState.RECEIVED)
            .step(EndorsementStep.APPROVAL, EndorsementState.APPROVED, EndorsementState.RECEIVED)
            .step(EndorsementStep.REFUSAL, EndorsementState.REFUSED, EndorsementState.RECEIVED)
            .step(EndorsementStep.CHANGE_APPROVAL, EndorsementState.APPROVED, EndorsementState.APPROVED)
            .step(EndorsementStep.EVENT_REPORT, EndorsementState.REPORTED, EndorsementState.APPROVED)
            .build();

    public EndorsementProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.ENDORSEMENT;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.ENDORSEMENT_APPROVAL;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return EndorsementTerms.class;
    }

    @Override
    public boolean evaluated() {
        return false;
    }

    @Override
    public boolean directApplication() {
        return true;
    }

    @Override
    public boolean statesRolesAndWork() {
        return false;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        EndorsementTerms t = content.terms(EndorsementTerms.class).orElseThrow();
        if (t.firstDay() == null) {
            problems.add(missing("terms.firstDay", "State the first day of the event.", "開催日を記載してください。"));
        }
        if (t.lastDay() == null) {
            problems.add(missing("terms.lastDay", "State the last day of the event.", "終了日を記載してください。"));
        } else if (t.firstDay() != null && t.lastDay().isBefore(t.firstDay())) {
            problems.add(missing("terms.lastDay", "The event cannot end before it starts.", "終了日が開催日より前です。"));
        }
        if (blank(t.place())) {
            problems.add(missing("terms.place", "State where the event is held.", "会場を記載してください。"));
        }
        if (t.feeCharged() == null) {
            problems.add(missing("terms.feeCharged", "State whether a fee is charged.", "参加費の有無を記載してください。"));
        } else if (t.feeCharged() && t.feeYen() == null) {
            problems.add(missing("terms.feeYen", "State the fee.", "参加費の額を記載してください。"));
        }
        if (t.expectedAudience() == null) {
            problems.add(missing("terms.expectedAudience", "State the expected audience.", "見込み参加者数を記載してください。"));
        }
        declared(t.politicalPurpose(), "terms.politicalPurpose", "政治的目的の有無", problems);
        declared(t.religiousPurpose(), "terms.religiousPurpose", "宗教的目的の有無", problems);
        declared(t.commercialPurpose(), "terms.commercialPurpose", "営利目的の有無", problems);
        if (content.departments().size() != 1) {
            problems.add(missing("parties", "An endorsement is asked of exactly one department.",
                    "後援を申請する所管課を一つ指定してください。"));
        }
        return problems;
    }

    private static void declared(Boolean value, String field, String ja, List<FieldError> problems) {
        if (value == null) {
            problems.add(missing(field, "The organiser must declare this.", ja + "を申告してください。"));
        }
    }

    /** Received at least the configured number of days before the event's first day. */
    @Override
    public List<FieldError> onReceipt(AgreementContent content, LocalDate receivedOn) {
        EndorsementTerms t = content.terms(EndorsementTerms.class).orElseThrow();
        long lead = ChronoUnit.DAYS.between(receivedOn, t.firstDay());
        if (lead < settings.endorsementLeadDays()) {
            return List.of(FieldError.of("terms.firstDay", "An endorsement must be applied for at least "
                    + settings.endorsementLeadDays() + " days before the event (" + lead + " days left).",
                    "後援の申請は開催日の" + settings.endorsementLeadDays() + "日前までに必要です（残り" + lead + "日）。"));
        }
        return List.of();
    }

    /** The endorsement track opens when the application is received: the city's decision is due. */
    public TrackOpening onReceiptTrack(AgreementContent content, LocalDate receivedOn, int applicationVersion) {
        EndorsementTerms t = content.terms(EndorsementTerms.class).orElseThrow();
        EndorsedEvent data = new EndorsedEvent();
        data.receivedOn = receivedOn;
        data.applicationVersion = applicationVersion;
        data.firstDay = t.firstDay();
        data.lastDay = t.lastDay();
        return new TrackOpening(TrackKind.ENDORSED_EVENT, "event", EndorsementState.RECEIVED, data,
                EndorsementStep.APPROVAL, ProcedureTrack.Actor.CITY, decisionDue(receivedOn));
    }

    @Override
    public LocalDate decisionDue(LocalDate receivedOn) {
        return receivedOn.plusDays(settings.endorsementDecisionDays());
    }

    /** Who acts next, and by when. */
    public void expectNext(ProcedureTrack track, EndorsedEvent event) {
        switch (track.state(EndorsementState.class)) {
            case RECEIVED -> track.expect(EndorsementStep.APPROVAL, ProcedureTrack.Actor.CITY,
                    decisionDue(event.receivedOn));
            case APPROVED -> track.expect(EndorsementStep.EVENT_REPORT, ProcedureTrack.Actor.PARTNER,
                    event.lastDay.plusDays(settings.reportDays()));
            default -> track.nothingExpected();
        }
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.ENDORSED_EVENT);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(ENDORSED_EVENT);
    }
}
