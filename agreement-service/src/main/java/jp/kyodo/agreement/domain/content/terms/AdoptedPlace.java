package jp.kyodo.agreement.domain.content.terms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A public place adopted by a volunteer group: a park, a road section, a green space. */
@Schema(name = "AdoptedPlace", description = "A public place adopted (アダプト対象の公共空間)")
public record AdoptedPlace(
        @Schema(description = "Its name (名称), e.g. 本町公園", maxLength = 200, required = true) @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "What kind of place", required = true) @NotNull PlaceKind kind,
        @Schema(description = "Where it is (所在地)", maxLength = 500, required = true) @NotBlank @Size(max = 500)
        String location,
        @Schema(description = "The extent looked after (範囲), e.g. 延長300m or 1,200㎡", maxLength = 500, nullable = true)
        @Size(max = 500) String extent) {

    /** Kinds of public place. */
    public enum PlaceKind {
        /** 公園 */
        PARK,
        /** 道路 */
        ROAD_SECTION,
        /** 緑地 */
        GREEN_SPACE,
        /** 河川・水辺 */
        RIVERSIDE,
        /** その他の公共施設 */
        OTHER_FACILITY
    }
}
