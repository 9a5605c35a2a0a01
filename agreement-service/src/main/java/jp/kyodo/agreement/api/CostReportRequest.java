package jp.kyodo.agreement.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An actual-cost report (実績報告) for one fiscal year")
public record CostReportRequest(
        @Schema(description = "The partner filing it") @NotNull UUID actingFor,
        @Schema(description = "Fiscal year (年度) reported") @NotNull @Min(2000) @Max(2200) Integer fiscalYear,
        @Schema(description = "What was actually spent, line by line") @NotEmpty List<@Valid @NotNull Line> lines) {

    @Schema(name = "CostReportLine", description = "One line of actual costs")
    public record Line(
            @Schema(description = "Cost item (費目)") @NotBlank @Size(max = 500) String item,
            @Schema(description = "Actually spent, whole yen") @NotNull @PositiveOrZero Long actualYen,
            @Schema(description = "Note", nullable = true) @Size(max = 2000) String note) {
    }
}
