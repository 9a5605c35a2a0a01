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
        if (filter.proposerAmong() != null && filter.proposerAmong().isEmpty()) {
            return List.of();
        }
        // Ids first, then the rows: the sort (when an index cannot give the order) handles narrow tuples only,
        // not every matching proposal's content.
        List<Object[]> parameters = new ArrayList<>();
        StringBuilder conditions = new StringBuilder();
        if (filter.themeId() != null) {
            conditions.append(" and p.theme_id = :theme");
            parameters.add(new Object[] { "theme", filter.themeId() });
        }
        if (filter.status() != null) {
            conditions.append(" and p.status = :status");
            parameters.add(new Object[] { "status", filter.status().name() });
        }
        if (!filter.withDrafts()) {
            conditions.append(" and p.status <> 'DRAFT'");
        }
        if (after != null) {
            parameters.add(new Object[] { "afterAt", Instant.parse(after.value(0)) });
            parameters.add(new Object[] { "afterId", UUID.fromString(after.value(1)) });
        }
        String statement;
        if (filter.proposerAmong() != null) {
            // Each organisation's proposals are a range of proposal_proposer's primary key, already in list order:
            // the page is the first rows of each range that pass the filters, merged. Reading stops after a page
            // however many proposals the organisation has.
            StringBuilder union = new StringBuilder();
            for (int i = 0; i < filter.proposerAmong().size(); i++) {
                union.append(i == 0 ? "" : " union ")
                        .append("(select pp.proposal_id as id, pp.created_at from proposal_proposer pp")
                        .append(" join proposal p on p.id = pp.proposal_id where pp.organization_id = :org").append(i)
                        .append(conditions)
                        .append(after == null ? "" : " and (pp.created_at, pp.proposal_id) > (:afterAt, :afterId)")
                        .append(" order by pp.created_at, pp.proposal_id limit ").append(fetchSize).append(")");
                parameters.add(new Object[] { "org" + i, filter.proposerAmong().get(i) });
            }
            statement = "select id from (" + union + ") page order by created_at, id limit " + fetchSize;
        } else {
            statement = "select p.id from proposal p where 1 = 1" + conditions
                    + (after == null ? "" : " and (p.created_at > :afterAt or (p.created_at = :afterAt and p.id > :afterId))")
                    + " order by p.created_at, p.id limit " + fetchSize;
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
