package jp.kyodo.agreement.procedure;

import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.kernel.Yen;

/** One fiscal year of a cost plan: every party's costs (the project cost) and the departments' share. */
public record CostTotalsOfYear(Yen total, Yen cityShare) {

    public static CostTotalsOfYear of(AgreementContent content, int fiscalYear) {
        CostTotals totals = CostTotals.of(content);
        long total = totals.perPartyAndYear().values().stream().mapToLong(y -> y.getOrDefault(fiscalYear, 0L)).sum();
        return new CostTotalsOfYear(Yen.of(total), Yen.of(totals.cityShareIn(fiscalYear)));
    }
}
