package jp.kyodo.proposal.domain.publiccomment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.problem.ProblemException;

/** A public comment period (意見公募) on a draft a department puts to the citizens. */
@Entity
@Table(name = "comment_period")
public class CommentPeriod extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "department_id")
    public UUID departmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind")
    public CommentSubjectKind subjectKind;
    public String title;
    public String body;
    @Enumerated(EnumType.STRING)
    public CommenterEligibility eligibility;
    @Column(name = "anonymous_allowed")
    public boolean anonymousAllowed;
    @Column(name = "opens_on")
    public LocalDate opensOn;
    @Column(name = "closes_on")
    public LocalDate closesOn;
    @Column(name = "short_period_reason")
    public String shortPeriodReason;
    @Enumerated(EnumType.STRING)
    public CommentPeriodStatus status;
    @Column(name = "comment_count")
    public int commentCount;
    /** The summary being prepared, then published. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<OpinionGroup> result;
    @Column(name = "result_published_at")
    public Instant resultPublishedAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static CommentPeriod require(UUID id) {
        CommentPeriod period = findById(id);
        if (period == null) {
            throw ProblemException.notFound("No such public comment period.", "意見公募が見つかりません。");
        }
        return period;
    }

    /** Days of the period, first and last included (意見提出期間). */
    public long days() {
        return ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
    }

    public boolean acceptsCommentsOn(LocalDate day) {
        return status == CommentPeriodStatus.OPEN && !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    public boolean hasEndedBy(LocalDate day) {
        return day.isAfter(closesOn);
    }

    public int fiscalYear() {
        return FiscalYear.containing(opensOn).year();
    }

    public static LocalDate today() {
        return LocalDate.now(FiscalYear.CITY_ZONE);
    }
}
