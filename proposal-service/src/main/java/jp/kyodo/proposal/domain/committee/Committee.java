package jp.kyodo.proposal.domain.committee;

import java.time.Instant;
import java.time.LocalDate;
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
import jp.kyodo.platform.problem.ProblemException;

/** A committee (審査委員会・協働推進会議) run by a department as its secretariat (事務局). */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "department_id")
    public UUID departmentId;
    public String name;
    @Enumerated(EnumType.STRING)
    public CommitteeKind kind;
    /** Members needed for a meeting to decide (定足数); null: a majority of the members in office. */
    public Integer quorum;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CommitteeMember> members;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static Committee require(UUID id) {
        Committee committee = findById(id);
        if (committee == null) {
            throw ProblemException.notFound("No such committee.", "委員会が見つかりません。");
        }
        return committee;
    }

    public List<CommitteeMember> membersInOffice(LocalDate day) {
        return members.stream().filter(m -> m.inOfficeOn(day)).toList();
    }

    public boolean isMember(String subject) {
        return members.stream().anyMatch(m -> m.subject().equals(subject));
    }

    public boolean isMemberInOffice(String subject, LocalDate day) {
        return membersInOffice(day).stream().anyMatch(m -> m.subject().equals(subject));
    }
}
