package jp.kyodo.proposal.domain;

import java.util.UUID;

/** One party's planned cost for one item in one fiscal year (費用分担), in whole yen. */
public record BudgetLine(UUID organizationId, int fiscalYear, String item, long amountYen) {
}
