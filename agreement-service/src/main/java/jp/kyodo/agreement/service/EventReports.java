package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.CoHostingProcedure;
import jp.kyodo.agreement.procedure.CoHostingProcedure.HostedEventState;
import jp.kyodo.agreement.procedure.CoHostingProcedure.HostedEventStep;
import jp.kyodo.agreement.procedure.EndorsedEvent;
import jp.kyodo.agreement.procedure.EndorsementProcedure;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementState;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementStep;
import jp.kyodo.agreement.procedure.HostedEventReport;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * Reports after an event: the organiser of an endorsed event (which completes the endorsement: the city only records
 * it), and any co-organiser of a co-hosted event. A report comes after the event's first day.
 */
@ApplicationScoped
public class EventReports {

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @Inject
    Procedures procedures;

    @Inject
    AgreementEnding ending;

    /** The endorsed event's report by its organiser; the endorsement is then complete. */
    @Transactional
    public ProcedureTrack reportEndorsedEvent(UUID id, IfMatch ifMatch, UUID actingFor, LocalDate heldOn, int attendance,
            String summary) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.ENDORSEMENT, TrackKind.ENDORSED_EVENT,
                "event", c -> access.requirePartner(c, actingFor));
        Agreement agreement = at.agreement();
        AgreementContent content = at.content();
        ProcedureTrack track = at.track();
        EndorsementState from = track.state(EndorsementState.class);
        EndorsementProcedure.ENDORSED_EVENT.require(from, EndorsementStep.EVENT_REPORT);
        EndorsedEvent event = track.data(EndorsedEvent.class);
        requireHeld(heldOn, event.firstDay, event.lastDay);
        event.reportedOn = ProcedureSteps.today();
        event.heldOn = heldOn;
        event.attendance = attendance;
        event.reportSummary = summary;
        track.state = EndorsementProcedure.ENDORSED_EVENT.next(from, EndorsementStep.EVENT_REPORT).name();
        track.data = TrackData.write(event);
        procedures.of(CollaborationForm.ENDORSEMENT, EndorsementProcedure.class).expectNext(track, event);
        steps.record(agreement, content, track, EndorsementStep.EVENT_REPORT, from.name(),
                ProcedureSteps.entered("heldOn", heldOn, "attendance", attendance, "summary", summary), actingFor,
                "endorsement-event-reported");
        ending.completeNow(agreement, content, actingFor, "後援事業の報告を受理");
        return track;
    }

    /** A co-hosted event's report, by any co-organiser. */
    @Transactional
    public ProcedureTrack reportHostedEvent(UUID id, IfMatch ifMatch, UUID eventId, UUID actingFor, LocalDate heldOn,
            int attendance, String summary, Yen actualCost) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.CO_HOSTING, TrackKind.HOSTED_EVENT,
                eventId.toString(), c -> access.requirePartyMember(c, actingFor));
        ProcedureTrack track = at.track();
        HostedEventState from = track.state(HostedEventState.class);
        CoHostingProcedure.HOSTED_EVENT.require(from, HostedEventStep.EVENT_REPORT);
        HostedEventReport event = track.data(HostedEventReport.class);
        requireHeld(heldOn, event.firstDay, event.lastDay);
        event.reportedOn = ProcedureSteps.today();
        event.heldOn = heldOn;
        event.attendance = attendance;
        event.summary = summary;
        event.actualCostYen = actualCost;
        track.state = CoHostingProcedure.HOSTED_EVENT.next(from, HostedEventStep.EVENT_REPORT).name();
        track.data = TrackData.write(event);
        track.nothingExpected();
        return steps.record(at.agreement(), at.content(), track, HostedEventStep.EVENT_REPORT, from.name(),
                ProcedureSteps.entered("heldOn", heldOn, "attendance", attendance, "summary", summary,
                        "actualCostYen", actualCost), actingFor, "hosted-event-reported");
    }

    /** The day held must be one of the event's days, and a report comes once it has been held. */
    private static void requireHeld(LocalDate heldOn, LocalDate firstDay, LocalDate lastDay) {
        if (heldOn.isBefore(firstDay) || heldOn.isAfter(lastDay)) {
            throw ProblemException.invalidField("heldOn", "Not a day of the event (" + firstDay + " – " + lastDay + ").",
                    "事業の開催期間（" + firstDay + "〜" + lastDay + "）の日ではありません。");
        }
        if (ProcedureSteps.today().isBefore(firstDay)) {
            throw ProblemException.conflict("The event has not been held yet (it starts " + firstDay + ").",
                    "事業はまだ開催されていません（開催日 " + firstDay + "）。");
        }
    }
}
