package jp.kyodo.directory.readmodel;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person (login subject) in a role of a known organisation. */
@Entity
@Table(name = "directory_membership")
@IdClass(KnownMembership.Key.class)
public class KnownMembership extends PanacheEntityBase {

    @Id
    @ManyToOne
    @JoinColumn(name = "organization_id")
    public KnownOrganization organization;
    @Id
    public String subject;
    @Id
    @Enumerated(EnumType.STRING)
    public MemberRole role;
    /** For a department's signatory: the largest city cost share they may sign for, in yen; null means no limit. */
    @Column(name = "amount_limit_yen")
    public Long amountLimitYen;

    /** Composite key of a membership. */
    public static class Key implements Serializable {
        public UUID organization;
        public String subject;
        public MemberRole role;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(organization, k.organization) && Objects.equals(subject, k.subject)
                    && role == k.role;
        }

        @Override
        public int hashCode() {
            return Objects.hash(organization, subject, role);
        }
    }
}
