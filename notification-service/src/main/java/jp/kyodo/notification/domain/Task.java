package jp.kyodo.notification.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.tasks.TaskAddressee;

/** A task as its owning service published it. This service decides nothing about it: it tells people. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;
    public String action;
    public String aggregateType;
    public UUID aggregateId;
    public long occurrence;
    public Integer fiscalYear;
    @Enumerated(EnumType.STRING)
    public TaskAddressee.Kind addresseeKind;
    public String addresseeSubject;
    @Column(name = "addressee_org")
    public UUID addresseeOrganization;
    public String addresseeRole;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] actors;
    /** Members of these organisations may not act on the task (a conflict of interest, as its owner decided). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "conflicted_orgs")
    public UUID[] conflictedOrganizations;
    public UUID departmentId;
    public LocalDate dueOn;
    public String titleJa;
    public String titleEn;
    public String link;
    @Enumerated(EnumType.STRING)
    public TaskState state;
    public String endReason;
    public String source;
    public OffsetDateTime openedAt;
    public OffsetDateTime endedAt;
    public OffsetDateTime receivedAt;
    public OffsetDateTime announcedAt;

    public String title(Language language) {
        return language == Language.en ? titleEn : titleJa;
    }

    public boolean isOpen() {
        return state == TaskState.OPEN;
    }

    /** The organisation the addressee acts for, if any: named in mails as the acting organisation. */
    public UUID actingOrganization() {
        return addresseeOrganization;
    }
}
