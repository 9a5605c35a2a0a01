package jp.kyodo.agreement.service.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.content.terms.AdoptedPlace;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One adopted place: the columns of adopted-places.csv. */
@PublishedDataset(name = "adopted-places", title = "アダプト制度の登録箇所",
        summary = "The register of adopted places as open data (アダプト登録箇所)",
        description = "Every public place adopted by a volunteer group (ADOPT_PROGRAM in force or completed): place, kind, "
                + "location, extent, period, activities reported; the group's name only when it consented (the name of "
                + "a small residents' group can identify people). fiscalYear keeps registrations in force that year.")
@Schema(name = "OpenDataAdoptedPlace", description = "A public place adopted by a volunteer group (アダプト登録箇所)")
public record AdoptedPlaceRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "The place (名称)") String placeName,
        @Schema(description = "PARK, ROAD_SECTION, GREEN_SPACE, RIVERSIDE or OTHER_FACILITY") AdoptedPlace.PlaceKind placeKind,
        @Schema(description = "Where (所在地)") String location,
        @Schema(description = "The extent looked after (範囲)", nullable = true) String extent,
        @Schema(description = "ACTIVE (活動中) or COMPLETED (終了)") AgreementState state,
        @Schema(description = "Registered from (登録期間の初日)") LocalDate since,
        @Schema(description = "Registered until") LocalDate until,
        @Schema(description = "The group's name, only when it consented to its publication (otherwise empty)", nullable = true)
        String groupName,
        @Schema(description = "The department", nullable = true) String departmentName,
        @Schema(description = "Activities reported") int activitiesReported,
        @Schema(description = "Waste collected in kg, as reported") BigDecimal wasteCollectedKg) {
}
