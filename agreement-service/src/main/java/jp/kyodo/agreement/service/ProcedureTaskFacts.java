package jp.kyodo.agreement.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.ProcedureTasks;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.CommissionContract;
import jp.kyodo.agreement.procedure.ProcedureStep;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Publishes the task facts of the forms' procedures in the transaction of the step that opens or ends them: a track's
 * expectation opens a task for whoever must take the step by its due date; the step taken completes it, another step
 * taken instead withdraws it, and the agreement's end withdraws every expectation left.
 */
@ApplicationScoped
public class ProcedureTaskFacts {

    @Inject
    TaskPublisher tasks;

    /** Tracks just opened: what each expects first. */
    public void opened(AgreementContent content, List<ProcedureTrack> tracks) {
        tracks.forEach(track -> ProcedureTasks.open(track, content, inspector(track), 0).forEach(tasks::opened));
    }

    /**
     * A step was taken on a track (and recorded): the expectation it met ends and the next one opens. A step on the
     * side (an advance payment while the results report is awaited) leaves the awaited task as it is.
     */
    public void stepTaken(AgreementContent content, ProcedureTrack track, String step) {
        String before = track.expectedWhenRead();
        boolean unchanged = before != null && before.equals(track.nextStep)
                && track.actorWhenRead() == actorOf(track) && !before.equals(step);
        if (unchanged) {
            return;
        }
        if (before != null) {
            boolean met = before.equals(step);
            // The step just recorded counts among those taken; the task met was opened before it.
            end(content, track, before, track.actorWhenRead(), timesTaken(track, before) - (met ? 1 : 0),
                    met ? null : "SUPERSEDED");
        }
        if (track.nextStep != null) {
            ProcedureTasks.open(track, content, inspector(track), timesTaken(track, track.nextStep))
                    .forEach(tasks::opened);
        }
    }

    /** The city decided what the track expected (a refusal), which closes it without a step of its own. */
    public void decided(AgreementContent content, ProcedureTrack track) {
        String before = track.expectedWhenRead();
        if (before != null) {
            end(content, track, before, track.actorWhenRead(), timesTaken(track, before), null);
        }
    }

    /** The agreement ended: no step of its procedure waits any more. */
    public void ended(Agreement agreement, AgreementContent content, String reason) {
        for (ProcedureTrack track : ProcedureTrack.allOf(agreement.id)) {
            if (track.nextStep != null) {
                end(content, track, track.nextStep, actorOf(track), timesTaken(track, track.nextStep), reason);
            }
        }
    }

    /** Completes (no reason) or cancels the tasks of one expectation. */
    private void end(AgreementContent content, ProcedureTrack track, String step, ProcedureTrack.Actor actor,
            long occurrence, String cancelledBecause) {
        for (TaskAddressee addressee : ProcedureTasks.addressees(track.kind, step, actor, content, inspector(track))) {
            var ref = ProcedureTasks.expected(track, step, addressee, occurrence);
            if (cancelledBecause == null) {
                tasks.completed(ref);
            } else {
                tasks.cancelled(ref, cancelledBecause);
            }
        }
    }

    private static long timesTaken(ProcedureTrack track, String step) {
        return ProcedureStep.count("trackId = ?1 and step = ?2", track.id, step);
    }

    private static ProcedureTrack.Actor actorOf(ProcedureTrack track) {
        return track.nextActor == null ? null : ProcedureTrack.Actor.valueOf(track.nextActor);
    }

    /** The appointed inspector of a commission, for the steps only the inspector takes. */
    private static String inspector(ProcedureTrack track) {
        if (track.kind != TrackKind.COMMISSION_YEAR) {
            return null;
        }
        return ProcedureTrack.of(track.agreementId, TrackKind.COMMISSION_CONTRACT, "contract")
                .map(contract -> contract.data(CommissionContract.class).inspectorSubject).orElse(null);
    }
}
