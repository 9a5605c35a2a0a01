package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

/** A track a procedure opens when a version comes into force, with what is expected first. */
public record TrackOpening(TrackKind kind, String key, Enum<?> state, Object data, Enum<?> nextStep,
        ProcedureTrack.Actor actor, LocalDate dueOn) {
}
