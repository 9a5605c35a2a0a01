package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.CoHostingTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.HostedEvent;
import jp.kyodo.agreement.domain.content.terms.HostingArrangement;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;

/**
 * 実行委員会・共催 (CO_HOSTING). The co-organisers (the parties, with their roles) sign a 協定書 naming the events, the
 * joint budget with each side's burden and, for an executive committee, its rules (規約). Each event is reported on
 * after it is held. No money flows from the city unless the budget gives it a burden; then each fiscal year ends
 * with an actual-cost report and settlement, as for 協働負担金.
 */
public final class CoHostingProcedure extends FormProcedure {

    /** The states of a co-hosted event. */
    public enum HostedEventState {
        /** 開催予定 */
        PLANNED,
        /** 事業報告済 */
        REPORTED
    }

    /** The step of a co-hosted event. */
    public enum HostedEventStep {
        /** 事業報告 */
        EVENT_REPORT
    }

    public static final StepMachine<HostedEventState, HostedEventStep> HOSTED_EVENT = StepMachine
            .<HostedEventState, HostedEventStep>startingIn("hosted-event", HostedEventState.PLANNED)
            .step(HostedEventStep.EVENT_REPORT, HostedEventState.REPORTED, HostedEventState.PLANNED)
            .build();

    public CoHostingProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.CO_HOSTING;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.AGREEMENT_DEED;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return CoHostingTerms.class;
    }

    @Override
    public boolean settlesYearlyCosts(AgreementContent content) {
        return CityBurden.agreed(content);
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        CoHostingTerms terms = content.terms(CoHostingTerms.class).orElseThrow();
        if (terms.arrangement() == null) {
            problems.add(missing("terms.arrangement", "State whether it is an executive committee or co-hosting.",
                    "実行委員会か共催かを記載してください。"));
        } else if (terms.arrangement() == HostingArrangement.EXECUTIVE_COMMITTEE) {
            if (blank(terms.committeeName())) {
                problems.add(missing("terms.committeeName", "Name the executive committee.", "実行委員会の名称を記載してください。"));
            }
            if (!parts.present(agreementId, content, RequiredPart.COMMITTEE_RULES)) {
                problems.add(missing(RequiredPart.COMMITTEE_RULES.field(), "An executive committee needs its rules (規約).",
                        "実行委員会の規約が必要です。"));
            }
        }
        if (terms.events().isEmpty()) {
            problems.add(missing("terms.events", "Name at least one event held together.", "共催する事業を一つ以上記載してください。"));
        }
        for (int i = 0; i < terms.events().size(); i++) {
            HostedEvent event = terms.events().get(i);
            if (event.lastDay().isBefore(event.firstDay())) {
                problems.add(missing("terms.events[" + i + "].lastDay", "The event cannot end before it starts.",
                        "終了日が開催日より前です。"));
            } else if (event.firstDay().isBefore(content.term().start()) || event.lastDay().isAfter(content.term().end())) {
                problems.add(missing("terms.events[" + i + "].firstDay", "The event must fall within the term.",
                        "事業の日程が協定期間の外です。"));
            }
        }
        return problems;
    }

    /** One track per event, its report due after it ends. */
    @Override
    public List<TrackOpening> tracksInForce(AgreementContent content, LocalDate today) {
        List<TrackOpening> tracks = new ArrayList<>();
        for (HostedEvent event : content.terms(CoHostingTerms.class).orElseThrow().events()) {
            HostedEventReport data = new HostedEventReport();
            data.eventId = event.eventId().toString();
            data.name = event.name();
            data.firstDay = event.firstDay();
            data.lastDay = event.lastDay();
            tracks.add(new TrackOpening(TrackKind.HOSTED_EVENT, event.eventId().toString(), HostedEventState.PLANNED,
                    data, HostedEventStep.EVENT_REPORT, ProcedureTrack.Actor.PARTNER,
                    event.lastDay().plusDays(settings.reportDays())));
        }
        return tracks;
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.HOSTED_EVENT);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(HOSTED_EVENT);
    }
}
