package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The settlement (精算) of one partner's fiscal year, recorded by the department")
public record SettlementRequest(
        @Schema(description = "The department recording it") @NotNull UUID actingFor,
        @Schema(description = "The partner whose report is settled") @NotNull UUID organizationId,
        @Schema(description = "Fiscal year (年度)") @NotNull @Min(2000) @Max(2200) Integer fiscalYear,
        @Schema(description = "Amount the city confirms (確定額), whole yen") @NotNull @PositiveOrZero Long confirmedAmountYen,
        @Schema(description = "Amount already paid in advance (概算払額), whole yen") @NotNull @PositiveOrZero
        Long alreadyPaidYen,
        @Schema(description = "Note") @Size(max = 2000) String note) {
}
