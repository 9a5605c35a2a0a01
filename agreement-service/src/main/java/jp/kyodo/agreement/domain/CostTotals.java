package jp.kyodo.agreement.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.CostLine;
import jp.kyodo.agreement.domain.content.InKindContribution;
import jp.kyodo.agreement.domain.content.Party;

/**
 * The sums of a cost plan: per party, per party and fiscal year, and the city's share (what the city's departments
 * bear), which a department's signatory must be allowed to sign for.
 */
public record CostTotals(long totalYen, long cityShareYen, Map<UUID, Long> perParty,
        Map<UUID, Map<Integer, Long>> perPartyAndYear, Map<Integer, Long> cityShareByYear, Map<UUID, Long> inKindPerParty) {

    public static CostTotals of(AgreementContent content) {
        Set<UUID> departments = content.departments().stream().map(Party::organizationId).collect(Collectors.toSet());
        Map<UUID, Long> perParty = new LinkedHashMap<>();
        Map<UUID, Map<Integer, Long>> perPartyAndYear = new LinkedHashMap<>();
        Map<Integer, Long> cityByYear = new TreeMap<>();
        Map<UUID, Long> inKind = new LinkedHashMap<>();
        content.parties().forEach(p -> {
            perParty.put(p.organizationId(), 0L);
            perPartyAndYear.put(p.organizationId(), new TreeMap<>());
            inKind.put(p.organizationId(), 0L);
        });
        long total = 0;
        long city = 0;
        for (CostLine line : content.costs().lines()) {
            long amount = line.amountYen() == null ? 0 : line.amountYen();
            total = Math.addExact(total, amount);
            perParty.merge(line.organizationId(), amount, Math::addExact);
            perPartyAndYear.computeIfAbsent(line.organizationId(), k -> new TreeMap<>()).merge(line.fiscalYear(), amount,
                    Math::addExact);
            if (departments.contains(line.organizationId())) {
                city = Math.addExact(city, amount);
                cityByYear.merge(line.fiscalYear(), amount, Math::addExact);
            }
        }
        for (InKindContribution contribution : content.costs().inKind()) {
            if (contribution.estimatedValueYen() != null) {
                inKind.merge(contribution.organizationId(), contribution.estimatedValueYen(), Math::addExact);
            }
        }
        return new CostTotals(total, city, perParty, perPartyAndYear, cityByYear, inKind);
    }

    public long cityShareIn(int fiscalYear) {
        return cityShareByYear.getOrDefault(fiscalYear, 0L);
    }

    public List<Integer> fiscalYears() {
        return perPartyAndYear.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
    }
}
