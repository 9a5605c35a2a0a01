package jp.kyodo.directory.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;

/**
 * What a consuming service knows of the directory: which organisations exist, whether they are verified, and who
 * belongs to them in which role. Kept current by {@link DirectoryEventsConsumer}.
 */
@ApplicationScoped
public class DirectoryReadModel {

    public Optional<KnownOrganization> organization(UUID id) {
        return KnownOrganization.findByIdOptional(id);
    }

    public boolean isMember(String subject, UUID organizationId) {
        return KnownMembership.count("organization.id = ?1 and subject = ?2", organizationId, subject) > 0;
    }

    public boolean hasRole(String subject, UUID organizationId, MemberRole role) {
        return KnownMembership.count("organization.id = ?1 and subject = ?2 and role = ?3", organizationId, subject,
                role) > 0;
    }

    /** The organisations the person belongs to, in any role. */
    public List<UUID> organizationsOf(String subject) {
        return KnownMembership.<KnownMembership>list("subject", subject).stream().map(m -> m.organization.id).distinct()
                .toList();
    }

    /** The signatory's amount limit in yen: empty if they are not a signatory; a null limit means unlimited. */
    public Optional<KnownMembership> signatory(String subject, UUID departmentId) {
        return KnownMembership.find("organization.id = ?1 and subject = ?2 and role = ?3", departmentId, subject,
                MemberRole.SIGNATORY).firstResultOptional();
    }

    /** The directory events that carry an organisation's snapshot. */
    static final Set<String> SNAPSHOT_TYPES = Stream.of("organization.registered", "organization.updated",
            "organization.eligibility-checked", "organization.verified", "organization.suspended", "member.added",
            "member.removed").map(EventTypes::of).collect(Collectors.toUnmodifiableSet());

    /** Applies a directory event; the inbox has already checked that it is new and newer. Runs in its transaction. */
    public void apply(IncomingEvent event) {
        if (!SNAPSHOT_TYPES.contains(event.type())) {
            // Other directory events (a file attached to an organisation, an introduction) carry no snapshot.
            return;
        }
        OrganizationSnapshot snapshot = event.payload(OrganizationSnapshot.class);
        KnownOrganization organization = KnownOrganization.<KnownOrganization>findByIdOptional(snapshot.organizationId())
                .orElseGet(() -> {
                    KnownOrganization created = new KnownOrganization();
                    created.id = snapshot.organizationId();
                    return created;
                });
        organization.name = snapshot.name();
        organization.nameKana = snapshot.nameKana();
        organization.type = snapshot.type();
        organization.status = snapshot.status();
        organization.version = snapshot.version();
        organization.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        organization.memberships.clear();
        organization.persistAndFlush();
        for (OrganizationSnapshot.Member member : snapshot.members()) {
            KnownMembership membership = new KnownMembership();
            membership.organization = organization;
            membership.subject = member.subject();
            membership.role = member.role();
            membership.amountLimitYen = member.amountLimitYen();
            organization.memberships.add(membership);
        }
    }
}
