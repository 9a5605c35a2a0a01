package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;

/** Lists of proposals in a stable order (created, then id), filtered by who may see them. */
@ApplicationScoped
public class ProposalQueries {

    /** Filters of a list; null means any. */
    public record Filter(UUID themeId, ProposalStatus status, List<UUID> proposerAmong, boolean withDrafts) {
    }

    @Inject
    EntityManager entityManager;

    @SuppressWarnings("unchecked")
    public List<Proposal> list(Filter filter, Cursor after, int fetchSize) {
        StringBuilder sql = new StringBuilder("select * from proposal p where 1 = 1");
        List<Object[]> parameters = new ArrayList<>();
        if (filter.themeId() != null) {
            sql.append(" and p.theme_id = :theme");
            parameters.add(new Object[] { "theme", filter.themeId() });
        }
        if (filter.status() != null) {
            sql.append(" and p.status = :status");
            parameters.add(new Object[] { "status", filter.status().name() });
        }
        if (!filter.withDrafts()) {
            sql.append(" and p.status <> 'DRAFT'");
        }
        if (filter.proposerAmong() != null) {
            if (filter.proposerAmong().isEmpty()) {
                return List.of();
            }
            sql.append(" and exists (select 1 from jsonb_array_elements_text(p.content -> 'proposingOrganizationIds') o"
                    + " where o in (:orgs))");
            parameters.add(new Object[] { "orgs", filter.proposerAmong().stream().map(UUID::toString).toList() });
        }
        if (after != null) {
            sql.append(" and (p.created_at > :afterAt or (p.created_at = :afterAt and p.id > :afterId))");
            parameters.add(new Object[] { "afterAt", Instant.parse(after.value(0)) });
            parameters.add(new Object[] { "afterId", UUID.fromString(after.value(1)) });
        }
        sql.append(" order by p.created_at, p.id limit ").append(fetchSize);
        Query query = entityManager.createNativeQuery(sql.toString(), Proposal.class);
        parameters.forEach(p -> query.setParameter((String) p[0], p[1]));
        return query.getResultList();
    }

    public static Cursor cursorOf(Proposal p) {
        return Cursor.after(p.createdAt.toString(), p.id.toString());
    }
}
