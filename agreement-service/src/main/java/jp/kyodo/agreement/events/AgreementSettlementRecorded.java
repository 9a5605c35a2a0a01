package jp.kyodo.agreement.events;

import java.util.UUID;

/** Payload of agreement.settlement-recorded: the settlement (精算) of one partner's fiscal year. */
public record AgreementSettlementRecorded(UUID agreementId, long version, UUID organizationId, int fiscalYear,
        long plannedCostYen, long actualCostYen, long confirmedAmountYen, long alreadyPaidYen, long toPayYen,
        long toReturnYen) {
}
