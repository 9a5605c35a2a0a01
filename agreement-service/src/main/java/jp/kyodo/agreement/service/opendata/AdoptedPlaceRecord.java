package jp.kyodo.agreement.service.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.content.terms.AdoptedPlace;

/** One adopted place: the columns of adopted-places.csv. */
@Schema(name = "OpenDataAdoptedPlace", description = "A public place adopted by a volunteer group (アダプト登録箇所)")
public record AdoptedPlaceRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "The place (名称)") String placeName,
        @Schema(description = "PARK, ROAD_SECTION, GREEN_SPACE, RIVERSIDE or OTHER_FACILITY") AdoptedPlace.PlaceKind placeKind,
        @Schema(description = "Where (所在地)") String location,
        @Schema(description = "The extent looked after (範囲)") String extent,
        @Schema(description = "ACTIVE (活動中) or COMPLETED (終了)") AgreementState state,
        @Schema(description = "Registered from (登録期間の初日)") LocalDate since,
        @Schema(description = "Registered until") LocalDate until,
        @Schema(description = "The group's name, only when it consented to its publication (otherwise empty)")
        String groupName,
        @Schema(description = "The department") String departmentName,
        @Schema(description = "Activities reported") int activitiesReported,
        @Schema(description = "Waste collected in kg, as reported") BigDecimal wasteCollectedKg) {
}
