package jp.kyodo.agreement.service.opendata;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.AgreementState;

/** One endorsed event: the columns of endorsed-events.csv. */
@Schema(name = "OpenDataEndorsedEvent", description = "An event the city endorsed (後援事業)")
public record EndorsedEventRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "The event (事業名)") String eventName,
        @Schema(description = "The organiser (主催者)") UUID organizerId,
        @Schema(description = "Its name") String organizerName,
        @Schema(description = "First day") LocalDate firstDay,
        @Schema(description = "Last day") LocalDate lastDay,
        @Schema(description = "Where (会場)") String place,
        @Schema(description = "Whether participants pay a fee") Boolean feeCharged,
        @Schema(description = "Expected audience") Integer expectedAudience,
        @Schema(description = "The department that endorsed it") String departmentName,
        @Schema(description = "Day of the approval (承認日)") LocalDate approvedOn,
        @Schema(description = "Conditions of the approval") String conditions,
        @Schema(description = "ACTIVE (承認済) or COMPLETED (事業報告済)") AgreementState state,
        @Schema(description = "Attendance reported after the event; empty until reported") Integer attendance) {
}
