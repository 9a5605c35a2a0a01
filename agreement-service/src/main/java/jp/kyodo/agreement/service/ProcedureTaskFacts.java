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

    /** A step was taken on a track (and recorded): the expectation it met ends, the next one opens. */
    public void stepTaken(AgreementContent content, ProcedureTrack track, String step) {
        long taken = ProcedureStep.count("trackId", track.id);
        endExpectationRead(content, track, step.equals(track.expectedWhenRead()), taken - 1);
        ProcedureTasks.open(track, content, inspector(track), taken).forEach(tasks::opened);
    }

    /** The city decided what the track expected (a refusal), which closes it without a step of its own. */
    public void decided(AgreementContent content, ProcedureTrack track) {
        endExpectationRead(content, track, true, ProcedureStep.count("trackId", track.id));
    }

    private void endExpectationRead(AgreementContent content, ProcedureTrack track, boolean met, long occurrence) {
        String before = track.expectedWhenRead();
        if (before == null) {
            return;
        }
        for (TaskAddressee addressee : ProcedureTasks.addressees(track.kind, before, track.actorWhenRead(), content,
                inspector(track))) {
            var ref = ProcedureTasks.expected(track, before, addressee, occurrence);
            if (met) {
                tasks.completed(ref);
            } else {
                tasks.cancelled(ref, "SUPERSEDED");
            }
        }
    }

    /** The agreement ended: no step of its procedure waits any more. */
    public void ended(Agreement agreement, AgreementContent content, String reason) {
        for (ProcedureTrack track : ProcedureTrack.allOf(agreement.id)) {
            if (track.nextStep == null) {
                continue;
            }
            long taken = ProcedureStep.count("trackId", track.id);
            for (TaskAddressee addressee : ProcedureTasks.addressees(track.kind, track.nextStep,
                    ProcedureTrack.Actor.valueOf(track.nextActor), content, inspector(track))) {
                tasks.cancelled(ProcedureTasks.expected(track, track.nextStep, addressee, taken), reason);
            }
        }
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
