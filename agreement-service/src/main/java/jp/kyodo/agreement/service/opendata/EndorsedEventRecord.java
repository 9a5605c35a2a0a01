package jp.kyodo.agreement.service.opendata;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One endorsed event: the columns of endorsed-events.csv. */
@PublishedDataset(name = "endorsed-events", title = "後援した事業",
        summary = "Endorsed events as open data (後援した事業)",
        description = "Every event the city approved the use of its name for (ENDORSEMENT in force or completed): event, "
                + "dates, place, organiser, fee, expected audience, approval. fiscalYear keeps events starting in that "
                + "year.")
@Schema(name = "OpenDataEndorsedEvent", description = "An event the city endorsed (後援事業)")
public record EndorsedEventRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "The event (事業名)") String eventName,
        @Schema(description = "The organiser (主催者)", nullable = true) UUID organizerId,
        @Schema(description = "Its name", nullable = true) String organizerName,
        @Schema(description = "First day", nullable = true) LocalDate firstDay,
        @Schema(description = "Last day", nullable = true) LocalDate lastDay,
        @Schema(description = "Where (会場)", nullable = true) String place,
        @Schema(description = "Whether participants pay a fee", nullable = true) Boolean feeCharged,
        @Schema(description = "Expected audience", nullable = true) Integer expectedAudience,
        @Schema(description = "The department that endorsed it", nullable = true) String departmentName,
        @Schema(description = "Day of the approval (承認日)", nullable = true) LocalDate approvedOn,
        @Schema(description = "Conditions of the approval", nullable = true) String conditions,
        @Schema(description = "ACTIVE (承認済) or COMPLETED (事業報告済)") AgreementState state,
        @Schema(description = "Attendance reported after the event; empty until reported", nullable = true) Integer attendance) {
}
