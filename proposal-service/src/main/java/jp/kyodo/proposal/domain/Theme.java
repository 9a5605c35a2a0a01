package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;

/** A collaboration theme (協働テーマ): a department's published call for proposals on a local issue. */
@Entity
@Table(name = "theme")
public class Theme extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "department_id")
    public UUID departmentId;
    public String title;
    @Column(name = "local_issue")
    public String localIssue;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "budget_ceiling_yen")
    public long budgetCeilingYen;
    @Embedded
    public ApplicationWindow window;
    @Column(name = "eligibility_notes")
    public String eligibilityNotes;
    @Enumerated(EnumType.STRING)
    public FieldOfActivity field;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "criteria_weights")
    public Map<ScreeningCriterion, Integer> criteriaWeights;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Version
    public long version;

    public static Theme require(UUID id) {
        Theme theme = findById(id);
        if (theme == null) {
            throw ProblemException.notFound("No such theme.", "協働テーマが見つかりません。");
        }
        return theme;
    }

    public FiscalYear fiscal() {
        return FiscalYear.of(fiscalYear);
    }

    public Yen budgetCeiling() {
        return Yen.of(budgetCeilingYen);
    }

    public boolean acceptsProposalsAt(Instant moment) {
        return window.isOpenAt(moment);
    }
}
