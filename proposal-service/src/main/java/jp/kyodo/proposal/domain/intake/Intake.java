package jp.kyodo.proposal.domain.intake;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.problem.ProblemException;

/**
 * A consultation at the desk (総合相談窓口の相談記録). The visitor is an organisation of the directory or a person
 * not yet organised; a person's name and contact are personal data, kept only with their consent for the retention
 * period (as the talent bank's entries) and erased after it unless consent was renewed.
 */
@Entity
@Table(name = "intake")
public class Intake extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    public IntakeChannel channel;
    @Column(name = "visitor_organization_id")
    public UUID visitorOrganizationId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Visitor visitor;
    @Column(name = "contact_consented_at")
    public Instant contactConsentedAt;
    @Column(name = "contact_expires_at")
    public Instant contactExpiresAt;
    @Column(name = "contact_erased_at")
    public Instant contactErasedAt;
    public String topic;
    @Enumerated(EnumType.STRING)
    public FieldOfActivity field;
    @JdbcTypeCode(SqlTypes.JSON)
    public IntakeNeeds needs;
    @Column(name = "referred_department_id")
    public UUID referredDepartmentId;
    @Column(name = "assigned_coordinator")
    public String assignedCoordinator;
    @Enumerated(EnumType.STRING)
    public IntakeStatus status;
    @Enumerated(EnumType.STRING)
    public IntakeOutcome outcome;
    @Column(name = "outcome_note")
    public String outcomeNote;
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "acting_for")
    public UUID actingFor;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static Intake require(UUID id) {
        Intake intake = findById(id);
        if (intake == null) {
            throw ProblemException.notFound("No such consultation.", "相談記録が見つかりません。");
        }
        return intake;
    }

    /** The visitor consented now: their contact is kept for the retention period from now. */
    public void consentToKeepContact(Instant now, Duration retention) {
        contactConsentedAt = now;
        contactExpiresAt = now.plus(retention);
    }

    /** Erases the person's name and contact (the retention period ended without renewed consent). */
    public void eraseContact(Instant now) {
        visitor = null;
        contactErasedAt = now;
        contactExpiresAt = null;
    }

    public boolean hasPersonalData() {
        return visitor != null;
    }

    public VisitorKind visitorKind() {
        if (visitorOrganizationId != null) {
            return VisitorKind.ORGANIZATION;
        }
        return visitor != null || contactErasedAt != null ? VisitorKind.PERSON : VisitorKind.UNNAMED;
    }

    public int fiscalYear() {
        return FiscalYear.containing(receivedOn).year();
    }

    /** Who came, as the record can say it without personal data. */
    public enum VisitorKind {
        /** an organisation of the directory */
        ORGANIZATION,
        /** a person who consented to keep their contact (possibly erased since) */
        PERSON,
        /** a person who left no contact */
        UNNAMED
    }
}
