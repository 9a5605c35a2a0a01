package jp.kyodo.proposal.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.service.ThemeService;

@Schema(name = "ThemeRequest", description = "A collaboration theme (協働テーマ) a department publishes")
public record ThemeRequest(
        @Schema(description = "The department (所管課) publishing the theme; the caller acts for it") @NotNull UUID departmentId,
        @Schema(description = "Title of the theme") @NotBlank @Size(max = 200) String title,
        @Schema(description = "The local issue (地域課題) the city wants to address") @NotBlank @Size(max = 8000) String localIssue,
        @Schema(description = "Fiscal year (年度, April to March)", example = "2027") @NotNull @Min(2000) @Max(2200) Integer fiscalYear,
        @Schema(description = "Budget ceiling (上限額) of the city's share per proposal, whole yen") @NotNull @PositiveOrZero Long budgetCeilingYen,
        @Schema(description = "When the application window (募集期間) opens (ISO 8601 instant)") @NotNull Instant opensAt,
        @Schema(description = "When the application window closes (ISO 8601 instant, exclusive)") @NotNull Instant closesAt,
        @Schema(description = "Eligibility notes (応募資格)") @Size(max = 4000) String eligibilityNotes,
        @Schema(description = "Field of activity (活動分野) of the theme") FieldOfActivity field,
        @Schema(description = "Weights (1–10) of the screening criteria; unnamed criteria weigh 1") Map<ScreeningCriterion, Integer> criteriaWeights) {

    ThemeService.NewTheme toNewTheme() {
        return new ThemeService.NewTheme(departmentId, title, localIssue, fiscalYear, budgetCeilingYen, opensAt, closesAt,
                eligibilityNotes, field, criteriaWeights);
    }
}
