package jp.kyodo.agreement.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;

@Schema(description = "Cost totals computed from the cost lines (費用の合計)")
public record CostTotalsView(
        @Schema(description = "All parties' costs, whole yen") long totalYen,
        @Schema(description = "The city's share (市の負担額): what the department parties bear") long cityShareYen,
        @Schema(description = "Whether amounts include consumption tax") Boolean consumptionTaxIncluded,
        @Schema(description = "Per party") List<PartyCosts> perParty) {

    @Schema(name = "PartyCosts", description = "One party's costs")
    public record PartyCosts(UUID organizationId, String name, long totalYen, List<YearAmount> byFiscalYear,
            long inKindValueYen) {
    }

    @Schema(name = "YearAmount", description = "An amount in one fiscal year (年度)")
    public record YearAmount(int fiscalYear, long amountYen) {
    }

    public static CostTotalsView of(AgreementContent content) {
        CostTotals totals = CostTotals.of(content);
        return new CostTotalsView(totals.totalYen(), totals.cityShareYen(), content.costs().consumptionTaxIncluded(),
                content.parties().stream().map(p -> new PartyCosts(p.organizationId(), p.name(),
                        totals.perParty().getOrDefault(p.organizationId(), 0L),
                        totals.perPartyAndYear().getOrDefault(p.organizationId(), java.util.Map.of()).entrySet().stream()
                                .map(e -> new YearAmount(e.getKey(), e.getValue())).toList(),
                        totals.inKindPerParty().getOrDefault(p.organizationId(), 0L))).toList());
    }
}
