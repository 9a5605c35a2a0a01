package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.EndorsedEvent;
import jp.kyodo.agreement.procedure.EndorsementExclusions;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementState;
import jp.kyodo.agreement.procedure.ProcedureTrack;

/** An endorsement as its steps left it: receipt, the exclusion rules, the decision, the event report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Endorsement", description = "An endorsement (後援): receipt, exclusion rules, decision and event report")
public record EndorsementView(
        @Schema(description = "RECEIVED (受理・審査中), APPROVED (承認), REFUSED (不承認), REPORTED (事業報告済)", required = true)
        EndorsementState state,
        @Schema(description = "Day the application was received", required = true, format = "date") LocalDate receivedOn,
        @Schema(description = "The application version decided (or awaiting the decision)", required = true)
        int applicationVersion,
        @Schema(description = "First day of the event", format = "date", nullable = true) LocalDate firstDay,
        @Schema(description = "Last day of the event", format = "date", nullable = true) LocalDate lastDay,
        @Schema(description = "While RECEIVED: the exclusion rules that forbid approving it now (political, religious "
                + "or commercial purpose, an organiser not eligible); empty when none applies", nullable = true)
        List<EndorsementExclusions.Exclusion> exclusions,
        @Schema(description = "Day of the decision", format = "date", nullable = true) LocalDate decidedOn,
        @Schema(description = "Conditions of the approval (承認の条件)", nullable = true) String conditions,
        @Schema(description = "Reasons of the refusal (不承認の理由)", nullable = true) List<String> refusalReasons,
        @Schema(description = "Day of the event report", format = "date", nullable = true) LocalDate reportedOn,
        @Schema(description = "Day the event was held, as reported", format = "date", nullable = true) LocalDate heldOn,
        @Schema(description = "Attendance reported (参加者数)", nullable = true) Integer attendance,
        @Schema(description = "The report (事業報告)", nullable = true) String reportSummary,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected,
        @Schema(description = "The steps taken, oldest first", required = true) List<TrackViews.Step> steps) {

    public static EndorsementView of(ProcedureTrack track, List<EndorsementExclusions.Exclusion> exclusions,
            LocalDate today) {
        EndorsedEvent e = track.data(EndorsedEvent.class);
        EndorsementState state = track.state(EndorsementState.class);
        return new EndorsementView(state, e.receivedOn, e.applicationVersion, e.firstDay, e.lastDay,
                state == EndorsementState.RECEIVED ? exclusions : null, e.decidedOn, e.conditions, e.refusalReasons,
                e.reportedOn, e.heldOn, e.attendance, e.reportSummary, TrackViews.Expected.of(track, today),
                TrackViews.Step.of(track));
    }
}
