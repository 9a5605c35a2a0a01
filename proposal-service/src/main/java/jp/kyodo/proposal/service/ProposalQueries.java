package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        // Ids first, then the rows: the sort (when an index cannot give the order) handles narrow tuples only,
        // not every matching proposal's content.
        StringBuilder sql = new StringBuilder("select p.id from proposal p where 1 = 1");
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
            // Containment (@>) is what the GIN index on the proposers answers; one test per organisation.
            StringBuilder any = new StringBuilder();
            for (int i = 0; i < filter.proposerAmong().size(); i++) {
                any.append(i == 0 ? "" : " or ").append("p.content -> 'proposingOrganizationIds' @> cast(:org")
                        .append(i).append(" as jsonb)");
                parameters.add(new Object[] { "org" + i, "[\"" + filter.proposerAmong().get(i) + "\"]" });
            }
            sql.append(" and (").append(any).append(")");
        }
        if (after != null) {
            sql.append(" and (p.created_at > :afterAt or (p.created_at = :afterAt and p.id > :afterId))");
            parameters.add(new Object[] { "afterAt", Instant.parse(after.value(0)) });
            parameters.add(new Object[] { "afterId", UUID.fromString(after.value(1)) });
        }
        String statement;
        if (filter.proposerAmong() != null) {
            // An organisation's proposals are found through the GIN index first, then ordered. Left to itself the
            // planner walks the created-at index and tests every proposal, which reads the whole table when the
            // organisation's proposals are the newest (seen at 100,000 proposals by bench/run.sh).
            statement = "with matching as materialized ("
                    + sql.toString().replace("select p.id from", "select p.id, p.created_at from")
                    + ") select id from matching order by created_at, id limit " + fetchSize;
        } else {
            statement = sql.append(" order by p.created_at, p.id limit ").append(fetchSize).toString();
        }
        Query query = entityManager.createNativeQuery(statement, UUID.class);
        parameters.forEach(p -> query.setParameter((String) p[0], p[1]));
        List<UUID> ids = query.getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Proposal> byId = new HashMap<>();
        for (Proposal p : Proposal.<Proposal>list("id in ?1", ids)) {
            byId.put(p.id, p);
        }
        return ids.stream().map(byId::get).toList();
    }

    public static Cursor cursorOf(Proposal p) {
        return Cursor.after(p.createdAt.toString(), p.id.toString());
    }
}
