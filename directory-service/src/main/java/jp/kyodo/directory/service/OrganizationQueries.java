package jp.kyodo.directory.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
import jp.kyodo.platform.db.IdQueries;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.PageRequest;

/**
 * Lists organisations in a stable order — (katakana reading, id) — with filters and a text query that matches the
 * name or the reading however they were typed: full- or half-width, hiragana or katakana, variant kanji.
 */
@ApplicationScoped
public class OrganizationQueries {

    /** Filters of a list; null means "any". {@code memberSubject} limits to organisations the person belongs to. */
    public record Filter(ActorType type, FieldOfActivity field, OrganizationStatus status, String text,
            String memberSubject) {
    }

    public List<Organization> list(Filter filter, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        // Ids first, then the rows: the planner weighs every condition on its own, and the entities are read for
        // one page only.
        StringBuilder sql = new StringBuilder("select o.id from organization o where 1 = 1");
        List<Object> values = new ArrayList<>();
        if (filter.type() != null) {
            sql.append(" and o.type = ?");
            values.add(filter.type().name());
        }
        if (filter.status() != null) {
            sql.append(" and o.status = ?");
            values.add(filter.status().name());
        }
        if (filter.field() != null) {
            sql.append(" and exists (select 1 from organization_field f where f.organization_id = o.id and f.field = ?)");
            values.add(filter.field().name());
        }
        if (filter.memberSubject() != null) {
            sql.append(" and exists (select 1 from membership m where m.organization_id = o.id and m.subject = ?)");
            values.add(filter.memberSubject());
        }
        String folded = SearchableText.fold(filter.text());
        if (!folded.isEmpty()) {
            String pattern = "%" + escapeLike(folded) + "%";
            sql.append(" and (o.name_folded like ? escape '!' or o.kana_sort like ? escape '!')");
            values.add(pattern);
            values.add(pattern);
            if (folded.codePointCount(0, folded.length()) > 1) {
                // The indexed two-character pieces narrow the candidates; the like above confirms their order. One
                // condition per piece, not a count over all of them, so that the planner estimates each piece by its
                // own frequency: a common word is then read in list order, a rare one from its pieces.
                for (String gram : SearchableText.bigrams(filter.text())) {
                    sql.append(" and exists (select 1 from organization_search_gram g where g.organization_id = o.id"
                            + " and g.gram = ?)");
                    values.add(gram);
                }
            }
        }
        if (after != null) {
            sql.append(" and (o.kana_sort, o.id) > (?, ?)");
            values.add(after.value(0));
            values.add(UUID.fromString(after.value(1)));
        }
        sql.append(" order by o.kana_sort, o.id limit ").append(page.fetchSize());
        return IdQueries.inOrder(IdQueries.select(Organization.getEntityManager(), sql.toString(), values),
                ids -> Organization.<Organization>list("id in ?1", ids), o -> o.id);
    }

    /** The person's memberships with their organisations, in the order of {@link #list}. */
    public List<Membership> membershipsOf(String subject, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        if (after == null) {
            return Membership.<Membership>find("from Membership m join fetch m.organization o where m.subject = ?1 "
                    + "order by o.kanaSort, o.id", subject).page(0, page.fetchSize()).list();
        }
        return Membership.<Membership>find("from Membership m join fetch m.organization o where m.subject = ?1 "
                + "and (o.kanaSort > ?2 or (o.kanaSort = ?2 and o.id > ?3)) order by o.kanaSort, o.id", subject,
                after.value(0), UUID.fromString(after.value(1))).page(0, page.fetchSize()).list();
    }

    public static Cursor cursorOf(Organization organization) {
        return Cursor.after(organization.kanaSort, organization.id.toString());
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
