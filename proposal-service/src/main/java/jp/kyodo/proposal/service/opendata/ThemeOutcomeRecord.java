package jp.kyodo.proposal.service.opendata;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.platform.opendata.PublishedDataset;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;

/** Counts of one theme's proposals (or of one fiscal year's citizen-initiated ones): the columns of theme-outcomes.csv. */
@PublishedDataset(name = "theme-outcomes", title = "協働テーマごとの提案件数と結果",
        summary = "Proposal counts per theme as open data (テーマ別の提案件数)",
        description = "For every published theme, how many proposals were received and how they ended; citizen-initiated "
                + "proposals, which answer no theme, are counted per fiscal year in a row without theme. Counts only: "
                + "proposals not adopted are never listed one by one. fiscalYear is the theme's (or the proposals') "
                + "fiscal year.")
@Schema(name = "OpenDataThemeOutcome", description = "How many proposals a theme received and how they ended (counts only)")
public record ThemeOutcomeRecord(
        @Schema(description = "Fiscal year (年度)") int fiscalYear,
        @Schema(description = "CITY_INITIATED: a theme's row; CITIZEN_INITIATED: the year's proposals without theme") ProposalOrigin origin,
        @Schema(description = "The theme; empty in the citizen-initiated row", nullable = true) UUID themeId,
        @Schema(description = "Title of the theme (協働テーマ)", nullable = true) String themeTitle,
        @Schema(description = "The department that published the theme (所管課)", nullable = true) UUID departmentId,
        @Schema(description = "Its name", nullable = true) String departmentName,
        @Schema(description = "Proposals received: every submitted one (提案件数)") long received,
        @Schema(description = "Adopted (採択)") long adopted,
        @Schema(description = "Not adopted (不採択)") long notAdopted,
        @Schema(description = "Withdrawn by the proposers (取下げ)") long withdrawn,
        @Schema(description = "Consultation closed without screening (相談終了)") long notPursued,
        @Schema(description = "Not decided yet: submitted, in consultation or under screening") long undecided) {

    static ThemeOutcomeRecord of(int fiscalYear, ProposalOrigin origin, UUID themeId, String themeTitle,
            UUID departmentId, String departmentName, Map<ProposalStatus, Long> counts) {
        long received = counts.values().stream().mapToLong(Long::longValue).sum();
        long adopted = counts.getOrDefault(ProposalStatus.ADOPTED, 0L);
        long notAdopted = counts.getOrDefault(ProposalStatus.NOT_ADOPTED, 0L);
        long withdrawn = counts.getOrDefault(ProposalStatus.WITHDRAWN, 0L);
        long notPursued = counts.getOrDefault(ProposalStatus.NOT_PURSUED, 0L);
        return new ThemeOutcomeRecord(fiscalYear, origin, themeId, themeTitle, departmentId, departmentName, received,
                adopted, notAdopted, withdrawn, notPursued, received - adopted - notAdopted - withdrawn - notPursued);
    }
}
