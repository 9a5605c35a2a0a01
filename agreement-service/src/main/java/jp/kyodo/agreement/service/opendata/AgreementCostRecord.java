package jp.kyodo.agreement.service.opendata;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One party's costs in one fiscal year of one agreement: the columns of agreement-costs.csv. */
@PublishedDataset(name = "agreement-costs", title = "協働契約（協定）の当事者別・年度別の費用",
        summary = "Costs of agreements per party and fiscal year as open data (協定の費用分担)",
        description = "One record per ACTIVE or COMPLETED agreement, party and fiscal year of its term: the planned cost "
                + "and, once filed, the actual-cost report (実績報告) and settlement (精算). fiscalYear keeps that year's "
                + "records.")
@Schema(name = "OpenDataAgreementCost", description = "One party's costs in one fiscal year of an agreement (費用分担)")
public record AgreementCostRecord(
        @Schema(description = "The agreement") UUID agreementId,
        @Schema(description = "Its title (事業名)") String title,
        @Schema(description = "ACTIVE or COMPLETED") AgreementState state,
        @Schema(description = "Fiscal year (年度)") int fiscalYear,
        @Schema(nullable = true, description = "The party (当事者); absent for an adopt group that did not consent to being named") UUID organizationId,
        @Schema(nullable = true, description = "Its name; absent as the id is") String organizationName,
        @Schema(description = "Its actor type (協働の主体)") ActorType actorType,
        @Schema(description = "Whether it is a city department (市)") boolean cityParty,
        @Schema(description = "Cost planned in the agreement, whole yen (負担額)") long plannedCostYen,
        @Schema(description = "Whether amounts include consumption tax", nullable = true) Boolean consumptionTaxIncluded,
        @Schema(description = "Actual cost reported (実績報告), whole yen; empty until filed", nullable = true) Long reportedActualCostYen,
        @Schema(description = "Amount the settlement confirmed (精算額), whole yen; empty until settled", nullable = true) Long confirmedAmountYen,
        @Schema(description = "Still to be paid by the city, whole yen", nullable = true) Long toPayYen,
        @Schema(description = "To be returned to the city, whole yen (返還額)", nullable = true) Long toReturnYen) {
}
