package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.CoHostingProcedure.HostedEventState;
import jp.kyodo.agreement.procedure.HostedEventReport;
import jp.kyodo.agreement.procedure.ProcedureTrack;

/** A co-hosted event and its report. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "HostedEventProgress", description = "A co-hosted event (共催事業) and the report after it")
public record HostedEventView(
        @Schema(description = "The event's id in the terms", required = true, format = "uuid") String eventId,
        @Schema(description = "Its name", required = true) String name,
        @Schema(description = "PLANNED (開催予定) or REPORTED (事業報告済)", required = true) HostedEventState state,
        @Schema(description = "First day", required = true, format = "date") LocalDate firstDay,
        @Schema(description = "Last day", required = true, format = "date") LocalDate lastDay,
        @Schema(description = "Day of the report", format = "date", nullable = true) LocalDate reportedOn,
        @Schema(description = "Day it was held", format = "date", nullable = true) LocalDate heldOn,
        @Schema(description = "Attendance (参加者数)", nullable = true) Integer attendance,
        @Schema(description = "The report", nullable = true) String summary,
        @Schema(description = "Actual cost of the event, whole yen", nullable = true) Long actualCostYen,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected) {

    public static HostedEventView of(ProcedureTrack track, LocalDate today) {
        HostedEventReport e = track.data(HostedEventReport.class);
        return new HostedEventView(e.eventId, e.name, track.state(HostedEventState.class), e.firstDay, e.lastDay,
                e.reportedOn, e.heldOn, e.attendance, e.summary, TrackViews.yen(e.actualCostYen),
                TrackViews.Expected.of(track, today));
    }
}
