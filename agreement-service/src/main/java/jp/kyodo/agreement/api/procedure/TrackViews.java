package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.ProcedureStep;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.kernel.Yen;

/** What every track view shows besides its figures: what is expected next and the steps taken. */
public final class TrackViews {

    private TrackViews() {
    }

    /** The next step of a track: which, by whom, by when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ExpectedProcedureStep", description = "The next step a track of the procedure expects (次の手続と期限)")
    public record Expected(
            @Schema(description = "The kind of track", required = true) TrackKind track,
            @Schema(description = "Which track of that kind (a fiscal year, an event id, …)", required = true) String key,
            @Schema(description = "The step expected, e.g. RESULTS_REPORT", required = true) String step,
            @Schema(description = "Who takes it: PARTNER, CITY or INSPECTOR", required = true) ProcedureTrack.Actor actor,
            @Schema(description = "By when (期限); absent when there is no deadline", format = "date", nullable = true)
            LocalDate dueOn,
            @Schema(description = "Whether the deadline has passed", required = true) boolean overdue) {

        public static Expected of(ProcedureTrack track, LocalDate today) {
            return track.nextStep == null ? null
                    : new Expected(track.kind, track.trackKey, track.nextStep, ProcedureTrack.Actor.valueOf(track.nextActor),
                            track.dueOn, track.dueOn != null && track.dueOn.isBefore(today));
        }
    }

    /** A step taken on a track. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProcedureStepTaken", description = "A step taken (手続の履歴)")
    public record Step(
            @Schema(description = "The step", required = true) String step,
            @Schema(description = "State before; absent for the step that opened the track", nullable = true)
            String fromState,
            @Schema(description = "State after", required = true) String toState,
            @Schema(description = "The organisation the step was taken for", format = "uuid", nullable = true)
            UUID actingFor,
            @Schema(description = "When", required = true) OffsetDateTime takenAt) {

        public static List<Step> of(ProcedureTrack track) {
            return ProcedureStep.onTrack(track.id).stream()
                    .map(s -> new Step(s.step, s.fromState, s.toState, s.actingFor, s.takenAt)).toList();
        }
    }

    static Long yen(Yen amount) {
        return amount == null ? null : amount.amount();
    }
}
