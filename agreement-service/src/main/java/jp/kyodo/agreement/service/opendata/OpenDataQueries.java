package jp.kyodo.agreement.service.opendata;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * Agreements as open data (公開): the public summary of every ACTIVE and COMPLETED agreement (the version in force,
 * never a pending amendment or a working copy), and its costs per party and fiscal year with the actual-cost reports
 * and settlements (public money is public). Liabilities, milestones, roles in prose, clauses not marked public,
 * signatures and people never appear. Each data set is read in a fixed number of queries, whatever its size.
 */
@ApplicationScoped
public class OpenDataQueries {

    private static final List<AgreementState> PUBLIC_STATES = List.of(AgreementState.ACTIVE, AgreementState.COMPLETED);

    public static final OpenDataset<AgreementRecord> AGREEMENTS = OpenDataset.of("agreements",
            "協働契約（協定）の公開情報", AgreementRecord.class, "partyNames", "tasks", "outcomeOwnership", "publicClauses");

    public static final OpenDataset<AgreementCostRecord> COSTS = OpenDataset.of("agreement-costs",
            "協働契約（協定）の当事者別・年度別の費用", AgreementCostRecord.class);

    @Inject
    EntityManager entityManager;

    /** The public summary of each agreement whose term touches the fiscal year (null: every year), oldest first. */
    @Transactional
    public List<AgreementRecord> agreements(FiscalYear year) {
        return published().stream().filter(p -> year == null || p.fiscalYears().contains(year.year()))
                .map(p -> AgreementRecord.of(p.agreement(), p.content())).toList();
    }

    /** One record per published agreement, party and fiscal year of its term (null: every year). */
    @Transactional
    public List<AgreementCostRecord> costs(FiscalYear year) {
        Map<String, CostReport> reports = new HashMap<>();
        CostReport.<CostReport>list("agreementId in (select a.id from Agreement a where a.state in ?1)", PUBLIC_STATES)
                .forEach(r -> reports.put(key(r.agreementId, r.organizationId, r.fiscalYear), r));
        Map<String, Settlement> settlements = new HashMap<>();
        Settlement.<Settlement>list("agreementId in (select a.id from Agreement a where a.state in ?1)", PUBLIC_STATES)
                .forEach(s -> settlements.put(key(s.agreementId, s.organizationId, s.fiscalYear), s));
        List<AgreementCostRecord> records = new ArrayList<>();
        for (Published p : published()) {
            AgreementContent c = p.content();
            Map<UUID, Map<Integer, Long>> planned = CostTotals.of(c).perPartyAndYear();
            for (int fy : p.fiscalYears()) {
                if (year != null && fy != year.year()) {
                    continue;
                }
                for (Party party : c.parties()) {
                    String key = key(p.agreement().id, party.organizationId(), fy);
                    CostReport report = reports.get(key);
                    Settlement settlement = settlements.get(key);
                    records.add(new AgreementCostRecord(p.agreement().id, c.title(), p.agreement().state, fy,
                            party.organizationId(), party.name(), party.actorType(), party.isCityDepartment(),
                            planned.getOrDefault(party.organizationId(), Map.of()).getOrDefault(fy, 0L),
                            c.costs().consumptionTaxIncluded(), report == null ? null : report.actualTotalYen,
                            settlement == null ? null : settlement.confirmedAmountYen,
                            settlement == null ? null : settlement.toPayYen,
                            settlement == null ? null : settlement.toReturnYen));
                }
            }
        }
        return records;
    }

    /** An ACTIVE or COMPLETED agreement with the content of its version in force. */
    private record Published(Agreement agreement, AgreementContent content) {

        /** The fiscal years the term touches (costs can only be planned in those). */
        List<Integer> fiscalYears() {
            return content.term().fiscalYears();
        }
    }

    /** Every published agreement with its version in force, oldest first, in one query. */
    private List<Published> published() {
        List<Object[]> rows = entityManager.createQuery("select a, v from Agreement a, AgreementVersion v"
                + " where v.agreementId = a.id and v.number = a.versionInForce and a.state in :states"
                + " order by a.createdAt, a.id", Object[].class).setParameter("states", PUBLIC_STATES).getResultList();
        return rows.stream().map(row -> new Published((Agreement) row[0],
                CanonicalJson.read(((AgreementVersion) row[1]).content))).toList();
    }

    private static String key(UUID agreementId, UUID organizationId, int fiscalYear) {
        return agreementId + "/" + organizationId + "/" + fiscalYear;
    }
}
