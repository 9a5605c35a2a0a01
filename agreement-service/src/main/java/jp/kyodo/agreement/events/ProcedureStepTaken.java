package jp.kyodo.agreement.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.kernel.CollaborationForm;

/**
 * Payload of every step of a form's procedure (agreement.grant-decided, agreement.commission-inspected, …): the
 * step and what was entered with it ({@code entered}), the track's snapshot after it (its figures in {@code details}),
 * and what is expected next and by when, which is what reminders and task lists are made from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcedureStepTaken(UUID agreementId, long version, CollaborationForm collaborationForm,
        TrackKind trackKind, String trackKey, String step, String fromState, String state, UUID actingFor,
        Instant takenAt, Expected expected, Object entered, Object details) {

    /** The next step of the track, who takes it and by when (no date: no deadline). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Expected(String step, ProcedureTrack.Actor actor, LocalDate dueOn) {

        public static Expected of(ProcedureTrack track) {
            return track.nextStep == null ? null
                    : new Expected(track.nextStep, ProcedureTrack.Actor.valueOf(track.nextActor), track.dueOn);
        }
    }
}
