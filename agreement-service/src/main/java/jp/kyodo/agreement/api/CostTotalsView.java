package jp.kyodo.agreement.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;

@Schema(name = "CostTotals", description = "Cost totals computed from the cost lines (費用の合計)")
public record CostTotalsView(
        @Schema(description = "All parties' costs, whole yen") long totalYen,
        @Schema(description = "The city's share (市の負担額): what the department parties bear") long cityShareYen,
        @Schema(description = "Whether amounts include consumption tax", nullable = true) Boolean consumptionTaxIncluded,
        @Schema(description = "Per party") List<PartyCosts> perParty) {

    @Schema(name = "PartyCosts", description = "One party's costs")
    public record PartyCosts(@Schema(description = "The party's organisation") UUID organizationId,
            @Schema(description = "Its name (団体名)") String name,
            @Schema(description = "What it bears in money, whole yen") long totalYen,
            @Schema(description = "What it bears per fiscal year (年度)") List<YearAmount> byFiscalYear,
            @Schema(description = "Value of what it contributes in kind (現物負担), whole yen") long inKindValueYen) {
    }

    @Schema(name = "YearAmount", description = "An amount in one fiscal year (年度)")
    public record YearAmount(@Schema(description = "Fiscal year (年度), April to March, e.g. 2026") int fiscalYear,
            @Schema(description = "Amount, whole yen") long amountYen) {
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
