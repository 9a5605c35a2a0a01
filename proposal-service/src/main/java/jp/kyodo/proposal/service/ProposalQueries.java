package jp.kyodo.proposal.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import jp.kyodo.platform.db.IdQueries;
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

    public List<Proposal> list(Filter filter, Cursor after, int fetchSize) {
        if (filter.proposerAmong() != null && filter.proposerAmong().isEmpty()) {
            return List.of();
        }
        // Ids first, then the rows: the sort (when an index cannot give the order) handles narrow tuples only,
        // not every matching proposal's content.
        List<Object> conditionValues = new ArrayList<>();
        StringBuilder conditions = new StringBuilder();
        if (filter.themeId() != null) {
            conditions.append(" and p.theme_id = ?");
            conditionValues.add(filter.themeId());
        }
        if (filter.status() != null) {
            conditions.append(" and p.status = ?");
            conditionValues.add(filter.status().name());
        }
        if (!filter.withDrafts()) {
            conditions.append(" and p.status <> 'DRAFT'");
        }
        List<Object> afterValues = after == null ? List.of()
                : List.of(Instant.parse(after.value(0)).atOffset(ZoneOffset.UTC), UUID.fromString(after.value(1)));
        List<Object> values = new ArrayList<>();
        String statement;
        if (filter.proposerAmong() != null) {
            // Each organisation's proposals are a range of proposal_proposer's primary key, already in list order:
            // the page is the first rows of each range that pass the filters, merged. Reading stops after a page
            // however many proposals the organisation has.
            StringBuilder union = new StringBuilder();
            for (UUID organization : filter.proposerAmong()) {
                union.append(union.isEmpty() ? "" : " union ")
                        .append("(select pp.proposal_id as id, pp.created_at from proposal_proposer pp")
                        .append(" join proposal p on p.id = pp.proposal_id where pp.organization_id = ?")
                        .append(conditions)
                        .append(after == null ? "" : " and (pp.created_at, pp.proposal_id) > (?, ?)")
                        .append(" order by pp.created_at, pp.proposal_id limit ").append(fetchSize).append(")");
                values.add(organization);
                values.addAll(conditionValues);
                values.addAll(afterValues);
            }
            statement = "select id from (" + union + ") page order by created_at, id limit " + fetchSize;
        } else {
            statement = "select p.id from proposal p where 1 = 1" + conditions
                    + (after == null ? "" : " and (p.created_at, p.id) > (?, ?)")
                    + " order by p.created_at, p.id limit " + fetchSize;
            values.addAll(conditionValues);
            values.addAll(afterValues);
        }
        return IdQueries.inOrder(IdQueries.select(entityManager, statement, values),
                ids -> Proposal.<Proposal>list("id in ?1", ids), p -> p.id);
    }

    public static Cursor cursorOf(Proposal p) {
        return Cursor.after(p.createdAt.toString(), p.id.toString());
    }
}
