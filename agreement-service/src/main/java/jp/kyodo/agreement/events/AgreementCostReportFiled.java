package jp.kyodo.agreement.events;

import java.time.Instant;
import java.util.UUID;

/** Payload of agreement.cost-report-filed: a partner filed its actual-cost report (実績報告) for a fiscal year. */
public record AgreementCostReportFiled(UUID agreementId, long version, UUID organizationId, int fiscalYear,
        long plannedCostYen, long actualCostYen, Instant filedAt) {
}
