package jp.kyodo.notification.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.readmodel.ActingForOrganization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownMembership;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.notification.domain.Task;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.tasks.TaskAddressee;

/**
 * Who a task reaches. The owning service named the addressee and, where its policy narrows them, the people who may
 * act; otherwise whoever acts for the addressee organisation does, by the directory's one rule of acting for an
 * organisation ({@link ActingForOrganization}: a member, in a realm role fitting the organisation's kind), or, for a
 * realm role, whoever holds it. Members of the organisations the owner named as conflicted are left out. Nothing here
 * decides who must act.
 */
@ApplicationScoped
public class Addressees {

    @Inject
    DirectoryReadModel directory;

    @Inject
    People people;

    /**
     * Through what the caller receives tasks: the organisations they act for, their (organisation, role) pairs and
     * their realm roles; and every organisation they are a member of, for the owners' conflicts of interest.
     */
    public record Scope(String subject, List<UUID> organizations, List<String> organizationRoles,
            List<String> realmRoles, List<UUID> memberOf) {
    }

    /** The caller's scope, by the directory and the roles of the caller's token. */
    public Scope scopeOf(String subject, Predicate<String> hasRealmRole) {
        List<UUID> organizations = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        List<UUID> memberOf = new ArrayList<>();
        for (KnownMembership membership : KnownMembership.<KnownMembership>list("subject", subject)) {
            KnownOrganization organization = membership.organization;
            if (!memberOf.contains(organization.id)) {
                memberOf.add(organization.id);
            }
            if (organization.type == null || !mayActFor(organization.type, hasRealmRole)) {
                continue;
            }
            if (!organizations.contains(organization.id)) {
                organizations.add(organization.id);
            }
            roles.add(organization.id + ":" + membership.role.name());
        }
        List<String> realmRoles = Roles.ALL.stream().filter(hasRealmRole).toList();
        return new Scope(subject, organizations, roles, realmRoles, memberOf);
    }

    /** The people a task reaches now, each checked against the realm roles the identity provider holds for them. */
    public List<String> recipients(Task task) {
        return addressed(task).stream().filter(notConflicted(task)).toList();
    }

    private List<String> addressed(Task task) {
        if (task.addresseeKind == TaskAddressee.Kind.PERSON) {
            return List.of(task.addresseeSubject);
        }
        if (task.actors != null && task.actors.length > 0) {
            return List.copyOf(new LinkedHashSet<>(Arrays.asList(task.actors)));
        }
        if (task.addresseeKind == TaskAddressee.Kind.REALM_ROLE) {
            return people.withRealmRole(task.addresseeRole);
        }
        Optional<KnownOrganization> organization = directory.organization(task.addresseeOrganization);
        if (organization.isEmpty() || organization.get().type == null) {
            return List.of();
        }
        ActorType type = organization.get().type;
        Set<String> recipients = new LinkedHashSet<>();
        for (KnownMembership membership : organization.get().memberships) {
            boolean fits = task.addresseeKind == TaskAddressee.Kind.ORGANIZATION
                    || membership.role.name().equals(task.addresseeRole);
            if (fits && actsFor(membership.subject, type)) {
                recipients.add(membership.subject);
            }
        }
        return List.copyOf(recipients);
    }

    private static Predicate<String> notConflicted(Task task) {
        if (task.conflictedOrganizations == null || task.conflictedOrganizations.length == 0) {
            return subject -> true;
        }
        Set<UUID> conflicted = Set.of(task.conflictedOrganizations);
        return subject -> KnownMembership.<KnownMembership>list("subject", subject).stream()
                .noneMatch(m -> conflicted.contains(m.organization.id));
    }

    /** A department's signatories (決裁権者): where an overdue task is escalated. */
    public List<String> signatoriesOf(UUID departmentId) {
        return directory.organization(departmentId).map(o -> o.memberships.stream()
                .filter(m -> m.role == MemberRole.SIGNATORY).map(m -> m.subject).distinct().toList()).orElse(List.of());
    }

    public Optional<String> nameOf(UUID organizationId) {
        return organizationId == null ? Optional.empty() : directory.organization(organizationId).map(o -> o.name);
    }

    private boolean actsFor(String subject, ActorType type) {
        return people.person(subject).map(p -> mayActFor(type, p.realmRoles()::contains)).orElse(false);
    }

    private static boolean mayActFor(ActorType type, Predicate<String> hasRealmRole) {
        return ActingForOrganization.rolesToActFor(type).stream().anyMatch(hasRealmRole);
    }
}
