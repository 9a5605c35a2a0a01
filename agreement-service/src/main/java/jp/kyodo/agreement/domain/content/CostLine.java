package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one party bears for one item in one fiscal year, in whole yen (費用分担). */
@Schema(name = "AgreementCostLine", description = "A cost borne by one party in one fiscal year (費用分担), whole yen")
public record CostLine(
        @Schema(description = "Id of the line; assigned by the service when absent", nullable = true) UUID lineId,
        @Schema(description = "The party bearing the cost") @NotNull UUID organizationId,
        @Schema(description = "Fiscal year (年度), starting 1 April", example = "2027") @NotNull @Min(2000) @Max(2200)
        Integer fiscalYear,
        @Schema(description = "Cost item (費目)") @NotBlank @Size(max = 500) String item,
        @Schema(description = "Amount in whole yen (円)") @NotNull @PositiveOrZero Long amountYen) {

    CostLine withId(UUID id) {
        return new CostLine(id, organizationId, fiscalYear, item, amountYen);
    }
}
