package jp.kyodo.proposal.domain;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One party's planned cost for one item in one fiscal year (費用分担), in whole yen. */
@Schema(description = "One party's planned cost for one item in one fiscal year (費用分担)")
public record BudgetLine(@Schema(description = "The party that bears it: a proposer or the department") UUID organizationId,
        @Schema(description = "Fiscal year (年度), April to March, e.g. 2026") int fiscalYear,
        @Schema(description = "Cost item (費目)") String item,
        @Schema(description = "Amount, whole yen") long amountYen) {
}
