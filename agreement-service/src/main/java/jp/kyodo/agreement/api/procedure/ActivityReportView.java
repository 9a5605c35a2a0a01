package jp.kyodo.agreement.api.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.ActivityReportEntry;
import jp.kyodo.agreement.procedure.ProcedureStep;
import jp.kyodo.agreement.procedure.ProcedureTrack;

/** An activity report as filed (a cooperation's period, or an adopt group's activity). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ActivityReport", description = "An activity report (活動報告): a project cooperation's reporting period, "
        + "or one activity of an adopt group")
public record ActivityReportView(
        @Schema(description = "The party that filed it", required = true, format = "uuid") UUID filedFor,
        @Schema(description = "When it was filed", required = true) OffsetDateTime filedAt,
        @Schema(description = "PROJECT_COOPERATION: the reporting period's number", nullable = true) Integer period,
        @Schema(description = "PROJECT_COOPERATION: first day of the period", format = "date", nullable = true)
        LocalDate periodStart,
        @Schema(description = "PROJECT_COOPERATION: last day of the period", format = "date", nullable = true)
        LocalDate periodEnd,
        @Schema(description = "ADOPT_PROGRAM: day of the activity (活動日)", format = "date", nullable = true)
        LocalDate activityOn,
        @Schema(description = "ADOPT_PROGRAM: participants (参加人数)", nullable = true) Integer participants,
        @Schema(description = "ADOPT_PROGRAM: work done (活動内容)", nullable = true) String workDone,
        @Schema(description = "ADOPT_PROGRAM: waste collected in kg (ごみ回収量)", nullable = true)
        BigDecimal wasteCollectedKg,
        @Schema(description = "What was done (報告)", nullable = true) String summary) {

    public static List<ActivityReportView> of(ProcedureTrack track) {
        return ProcedureStep.onTrack(track.id).stream().map(s -> {
            ActivityReportEntry e = s.data(ActivityReportEntry.class);
            return new ActivityReportView(s.actingFor, s.takenAt, e.period, e.periodStart, e.periodEnd, e.activityOn,
                    e.participants, e.workDone, e.wasteCollectedKg, e.summary);
        }).toList();
    }
}
