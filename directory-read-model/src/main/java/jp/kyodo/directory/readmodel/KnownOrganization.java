package jp.kyodo.directory.readmodel;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An organisation of the directory as this service last heard of it. */
@Entity
@Table(name = "directory_organization")
public class KnownOrganization extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    @Column(name = "name_kana")
    public String nameKana;
    @Enumerated(EnumType.STRING)
    public ActorType type;
    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;
    /** The directory's version of the organisation, not a lock of ours. */
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<KnownMembership> memberships = new ArrayList<>();

    public boolean isVerified() {
        return status == OrganizationStatus.VERIFIED;
    }

    public boolean hasMember(String subject) {
        return memberships.stream().anyMatch(m -> m.subject.equals(subject));
    }

    public boolean hasMember(String subject, MemberRole role) {
        return memberships.stream().anyMatch(m -> m.subject.equals(subject) && m.role == role);
    }
}
