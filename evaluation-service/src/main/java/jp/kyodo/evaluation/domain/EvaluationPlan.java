package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;

/**
 * What an agreement will be evaluated against (評価計画): its parties and the targets fixed when it was signed.
 * Created exactly once per agreement, from its activation.
 */
@Entity
@Table(name = "evaluation_plan")
public class EvaluationPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    /** The agreement's version whose activation created the plan. */
    @Column(name = "agreement_version")
    public long agreementVersion;
    @Column(name = "proposal_id")
    public UUID proposalId;
    public String title;
    @Enumerated(EnumType.STRING)
    public FieldOfActivity field;
    @Enumerated(EnumType.STRING)
    @Column(name = "collaboration_form")
    public CollaborationForm collaborationForm;
    @Enumerated(EnumType.STRING)
    @Column(name = "activity_area")
    public ActivityArea activityArea;
    @Column(name = "document_version")
    public int documentVersion;
    /** Comma-separated fiscal years (年度) the agreement spans. */
    @Column(name = "fiscal_years")
    String fiscalYearList;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    @Column(name = "satisfaction_target_percent")
    public BigDecimal satisfactionTargetPercent;
    @Column(name = "satisfaction_method")
    public String satisfactionMethod;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evaluation_plan_party", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<PlanParty> parties = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "evaluation_plan_indicator", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<PlanIndicator> indicators = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "evaluation_plan_goal", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "position")
    public List<PlanGoal> goals = new ArrayList<>();

    public static Optional<EvaluationPlan> ofAgreement(UUID agreementId) {
        return find("agreementId", agreementId).firstResultOptional();
    }

    public List<Integer> fiscalYears() {
        if (fiscalYearList == null || fiscalYearList.isBlank()) {
            return List.of();
        }
        return Arrays.stream(fiscalYearList.split(",")).map(Integer::valueOf).toList();
    }

    public void fiscalYears(List<Integer> years) {
        fiscalYearList = years.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The fiscal year a FINAL round is counted in: the last year of the agreement. */
    public int finalFiscalYear() {
        List<Integer> years = fiscalYears();
        return years.isEmpty() ? FiscalYear.containing(termEnd).year() : years.get(years.size() - 1);
    }

    public boolean isParty(UUID organizationId) {
        return party(organizationId).isPresent();
    }

    public Optional<PlanParty> party(UUID organizationId) {
        return parties.stream().filter(p -> p.organizationId.equals(organizationId)).findFirst();
    }

    public List<UUID> partyIds() {
        return parties.stream().map(p -> p.organizationId).toList();
    }

    public Optional<PlanIndicator> indicator(UUID indicatorId) {
        return indicators.stream().filter(i -> i.indicatorId.equals(indicatorId)).findFirst();
    }

    public boolean hasGoal(UUID goalId) {
        return goals.stream().anyMatch(g -> g.goalId.equals(goalId));
    }

    /** Every line a party's assessment of this plan must score, in catalogue order. */
    public List<ItemKey> requiredItems() {
        List<ItemKey> keys = new ArrayList<>();
        for (EvaluationItem item : EvaluationItem.values()) {
            switch (item.target()) {
                case INDICATOR -> indicators.forEach(i -> keys.add(new ItemKey(item, i.indicatorId)));
                case GOAL -> goals.forEach(g -> keys.add(new ItemKey(item, g.goalId)));
                case NONE -> keys.add(new ItemKey(item, null));
            }
        }
        return keys;
    }
}
