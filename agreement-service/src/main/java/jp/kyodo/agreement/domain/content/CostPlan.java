package jp.kyodo.agreement.domain.content;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the costs are split (費用分担): money per party and fiscal year, and contributions in kind. */
@Schema(name = "AgreementCostPlan", description = "The split of costs (費用分担)")
public record CostPlan(
        @Schema(description = "Whether the amounts include consumption tax (消費税込み); must be stated before signature", nullable = true)
        Boolean consumptionTaxIncluded,
        @Schema(description = "Money each party bears, per fiscal year", nullable = true) List<@Valid @NotNull CostLine> lines,
        @Schema(description = "Contributions in kind", nullable = true) List<@Valid @NotNull InKindContribution> inKind,
        @Schema(description = "The city's share as the agreement names it (市の負担額); required for SUBSIDY and "
                + "JOINT_FUNDING, and it must equal the departments' cost lines", nullable = true) @PositiveOrZero Long declaredCityShareYen) {

    public CostPlan {
        lines = lines == null ? List.of() : lines;
        inKind = inKind == null ? List.of() : inKind;
    }

    public static CostPlan empty() {
        return new CostPlan(null, List.of(), List.of(), null);
    }
}
