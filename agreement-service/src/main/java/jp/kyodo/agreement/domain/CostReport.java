package jp.kyodo.agreement.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An actual-cost report (実績報告) a partner files for one fiscal year, line by line. */
@Entity
@Table(name = "agreement_cost_report")
public class CostReport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    /** JSON array of the reported lines (item, planned and actual amount in yen, note). */
    public String lines;
    @Column(name = "planned_total_yen")
    public long plannedTotalYen;
    @Column(name = "actual_total_yen")
    public long actualTotalYen;
    @Column(name = "filed_by")
    public String filedBy;
    @Column(name = "filed_at")
    public OffsetDateTime filedAt;

    public static Optional<CostReport> of(UUID agreementId, UUID organizationId, int fiscalYear) {
        return find("agreementId = ?1 and organizationId = ?2 and fiscalYear = ?3", agreementId, organizationId,
                fiscalYear).firstResultOptional();
    }

    public static List<CostReport> allOf(UUID agreementId) {
        return list("agreementId = ?1 order by fiscalYear, organizationId", agreementId);
    }
}
