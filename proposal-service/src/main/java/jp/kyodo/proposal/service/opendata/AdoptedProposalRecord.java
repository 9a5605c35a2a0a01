package jp.kyodo.proposal.service.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.PublishedDataset;
import jp.kyodo.proposal.domain.BudgetLine;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ScreeningResult;

/** One adopted proposal: the columns of adopted-proposals.csv. */
@PublishedDataset(name = "adopted-proposals", title = "採択された協働事業提案",
        summary = "Adopted proposals as open data (採択提案の公開データ)",
        description = "Every ADOPTED proposal with its decision, the committee's rationale and the aggregate screening "
                + "result, ordered by fiscal year and reference number. fiscalYear is the proposal's fiscal year (that "
                + "of its theme, or of its submission).",
        multiLineColumns = { "goals", "proposingOrganizationNames" })
@Schema(name = "OpenDataAdoptedProposal", description = "An adopted proposal with its decision (採択された提案)")
public record AdoptedProposalRecord(
        @Schema(description = "Id") UUID proposalId,
        @Schema(description = "Reference number (受付番号), e.g. 2027-0012") String referenceNumber,
        @Schema(description = "Fiscal year (年度)") int fiscalYear,
        @Schema(description = "Origin (発意)") ProposalOrigin origin,
        @Schema(description = "The theme answered; empty for a citizen-initiated proposal", nullable = true) UUID themeId,
        @Schema(description = "Title of the theme (協働テーマ)", nullable = true) String themeTitle,
        @Schema(description = "Title (事業名)") String title,
        @Schema(description = "Local issue (地域課題)", nullable = true) String localIssue,
        @Schema(description = "Goals (目標); in CSV one per line") List<String> goals,
        @Schema(description = "Approach (事業の進め方)", nullable = true) String approach,
        @Schema(description = "Collaboration form (協働の形態)") CollaborationForm collaborationForm,
        @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
        @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
        @Schema(description = "First day of the period (実施期間)", nullable = true) LocalDate periodStart,
        @Schema(description = "Last day of the period", nullable = true) LocalDate periodEnd,
        @Schema(description = "Beneficiaries (受益者)", nullable = true) String beneficiaries,
        @Schema(description = "Expected effects (期待される効果)", nullable = true) String expectedEffects,
        @Schema(description = "Proposing organisations (提案団体); in CSV separated by ;") List<UUID> proposingOrganizationIds,
        @Schema(description = "Their names, same order; in CSV one per line") List<String> proposingOrganizationNames,
        @Schema(description = "The department (所管課)") UUID departmentId,
        @Schema(description = "Its name", nullable = true) String departmentName,
        @Schema(description = "Planned budget of all parties, whole yen (事業費)") long totalBudgetYen,
        @Schema(description = "The city's share of it, whole yen (市の負担額)") long cityShareYen,
        @Schema(description = "Day of the decision (採択日), Asia/Tokyo") LocalDate decidedOn,
        @Schema(description = "The committee's rationale (選考理由)", nullable = true) String decisionRationale,
        @Schema(description = "Reviewers who scored it", nullable = true) Integer reviewerCount,
        @Schema(description = "Weighted mean score, 1–5 (審査結果)", nullable = true) BigDecimal weightedMeanScore) {

    static AdoptedProposalRecord of(Proposal p, String themeTitle, Map<UUID, String> names, ScreeningResult result) {
        ProposalContent c = p.content;
        return new AdoptedProposalRecord(p.id, p.referenceNumber, p.fiscalYear, p.origin, p.themeId, themeTitle,
                c.title(), c.localIssue(), c.goals(), c.approach(), c.collaborationForm(), c.activityArea(), c.field(),
                c.period() == null ? null : c.period().start(), c.period() == null ? null : c.period().end(),
                c.beneficiaries(), c.expectedEffects(), c.proposingOrganizationIds(),
                c.proposingOrganizationIds().stream().map(id -> names.getOrDefault(id, "")).toList(),
                c.departmentId(), names.get(c.departmentId()),
                c.budgetLines().stream().mapToLong(BudgetLine::amountYen).sum(), c.cityShare().amount(),
                p.decidedAt == null ? null : p.decidedAt.atZone(FiscalYear.CITY_ZONE).toLocalDate(),
                p.decisionRationale, result == null ? null : result.reviewerCount(),
                result == null ? null : result.weightedMean());
    }
}
