package jp.kyodo.evaluation.domain;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Who is reading: the organisations they belong to, and whether they work inside the city's collaboration
 * system (city staff, coordinators, reviewers, analysts, administrators). Anonymous readers have neither.
 */
public record Viewer(String subject, Set<UUID> organizations, boolean internal) {

    public static final Viewer ANONYMOUS = new Viewer(null, Set.of(), false);

    public Viewer {
        organizations = Set.copyOf(organizations);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean isMemberOf(UUID organizationId) {
        return organizations.contains(organizationId);
    }

    public boolean isMemberOfAny(Collection<UUID> organizationIds) {
        return organizationIds.stream().anyMatch(organizations::contains);
    }
}
