package jp.kyodo.proposal.service.opendata;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;

/** Counts of one theme's proposals (or of one fiscal year's citizen-initiated ones): the columns of theme-outcomes.csv. */
@Schema(name = "OpenDataThemeOutcome", description = "How many proposals a theme received and how they ended (counts only)")
public record ThemeOutcomeRecord(
        @Schema(description = "Fiscal year (年度)") int fiscalYear,
        @Schema(description = "CITY_INITIATED: a theme's row; CITIZEN_INITIATED: the year's proposals without theme") ProposalOrigin origin,
        @Schema(description = "The theme; empty in the citizen-initiated row") UUID themeId,
        @Schema(description = "Title of the theme (協働テーマ)") String themeTitle,
        @Schema(description = "The department that published the theme (所管課)") UUID departmentId,
        @Schema(description = "Its name") String departmentName,
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
