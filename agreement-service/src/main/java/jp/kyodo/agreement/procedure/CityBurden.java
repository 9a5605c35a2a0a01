package jp.kyodo.agreement.procedure;

import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;

/**
 * 市の負担: in a co-hosted collaboration no money flows from the city unless the joint budget gives the city a burden
 * (its departments' cost lines); only then is there a yearly actual-cost report and settlement.
 */
public final class CityBurden {

    private CityBurden() {
    }

    public static boolean agreed(AgreementContent content) {
        return CostTotals.of(content).cityShareYen() > 0;
    }
}
