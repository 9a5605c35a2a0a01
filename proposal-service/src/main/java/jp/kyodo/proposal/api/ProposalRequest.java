package jp.kyodo.proposal.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.proposal.domain.BudgetLine;
import jp.kyodo.proposal.domain.Period;
import jp.kyodo.proposal.domain.ProposalContent;

@Schema(name = "ProposalRequest", description = "A proposal's content (協働事業提案); a draft may be incomplete, a "
        + "submission and a revision must be complete")
public record ProposalRequest(
        @Schema(description = "The proposing organisation the caller acts for") @NotNull UUID actingFor,
        @Schema(description = "The theme answered (行政発意); absent for a citizen-initiated proposal (市民発意)") UUID themeId,
        @Schema(description = "Proposing organisations (提案団体), several for a joint proposal; actingFor is always one") @Size(max = 10) List<@NotNull UUID> proposingOrganizationIds,
        @Schema(description = "Title (事業名)") @NotBlank @Size(max = 200) String title,
        @Schema(description = "The local issue (地域課題)") @Size(max = 8000) String localIssue,
        @Schema(description = "Goals (目標)") @Size(max = 20) List<@NotBlank @Size(max = 1000) String> goals,
        @Schema(description = "Approach (事業の進め方)") @Size(max = 8000) String approach,
        @Schema(description = "Desired collaboration form (協働の形態)") CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域): B citizen-led, C equal, D city-led") ActivityArea activityArea,
        @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
        @Schema(description = "Period (実施期間)") @Valid PeriodDto period,
        @Schema(description = "Beneficiaries (受益者)") @Size(max = 4000) String beneficiaries,
        @Schema(description = "Budget by party and fiscal year (費用分担), whole yen") @Size(max = 100) List<@NotNull @Valid BudgetLineDto> budgetLines,
        @Schema(description = "Expected effects (期待される効果)") @Size(max = 8000) String expectedEffects,
        @Schema(description = "The department (所管課) the proposers want to work with; a theme's own for a theme response") UUID departmentId,
        @Schema(description = "For a revised version: what changed and why (改訂理由); ignored for drafts") @Size(max = 2000) String revisionNote) {

    @Schema(name = "PeriodInput", description = "Period (実施期間), both days included")
    public record PeriodDto(@Schema(description = "First day", example = "2027-04-01") LocalDate start,
            @Schema(description = "Last day", example = "2028-03-31") LocalDate end) {
    }

    @Schema(name = "BudgetLineInput", description = "One party's cost for one item in one fiscal year")
    public record BudgetLineDto(
            @Schema(description = "The party bearing the cost: a proposing organisation or the department") @NotNull UUID organizationId,
            @Schema(description = "Fiscal year (年度)") @NotNull @Min(2000) @Max(2200) Integer fiscalYear,
            @Schema(description = "Cost item (費目)") @NotBlank @Size(max = 200) String item,
            @Schema(description = "Amount in whole yen (円)") @NotNull @PositiveOrZero Long amountYen) {
    }

    ProposalContent toContent() {
        return new ProposalContent(proposingOrganizationIds, title, localIssue, goals, approach, collaborationForm,
                activityArea, field, period == null ? null : new Period(period.start(), period.end()), beneficiaries,
                budgetLines == null ? null
                        : budgetLines.stream()
                                .map(l -> new BudgetLine(l.organizationId(), l.fiscalYear(), l.item(), l.amountYen()))
                                .toList(),
                expectedEffects, departmentId);
    }
}
