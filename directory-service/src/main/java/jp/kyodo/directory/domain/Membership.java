package jp.kyodo.directory.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.directory.readmodel.MemberRole;

/**
 * A person's membership of an organisation: their login subject and role. The name and e-mail are personal data,
 * shown only to staff and the organisation's own members, never published.
 */
@Entity
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    public String subject;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    /** For a department's signatory (決裁権者): the largest city cost share they may sign for; null is unlimited. */
    @Column(name = "amount_limit_yen")
    public Long amountLimitYen;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    /** Whether the member may manage the organisation's profile and members (the representative does). */
    public boolean managesOrganization() {
        return role == MemberRole.REPRESENTATIVE;
    }
}
