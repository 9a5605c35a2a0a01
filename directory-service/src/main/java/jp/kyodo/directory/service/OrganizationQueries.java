package jp.kyodo.directory.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import jp.kyodo.directory.domain.Membership;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
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
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.type() != null) {
            where.append(" and o.type = :type");
            parameters.put("type", filter.type());
        }
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.field() != null) {
            where.append(" and :field member of o.fields");
            parameters.put("field", filter.field());
        }
        if (filter.memberSubject() != null) {
            where.append(" and exists (select 1 from Membership m where m.organization = o and m.subject = :subject)");
            parameters.put("subject", filter.memberSubject());
        }
        String folded = SearchableText.fold(filter.text());
        if (!folded.isEmpty()) {
            where.append(" and (o.nameFolded like :pattern escape '!' or o.kanaSort like :pattern escape '!')");
            parameters.put("pattern", "%" + escapeLike(folded) + "%");
            Set<String> grams = SearchableText.bigrams(filter.text());
            if (folded.codePointCount(0, folded.length()) > 1) {
                // The indexed two-character pieces narrow the candidates; the like above confirms the order.
                where.append(" and o.id in (select g.id from Organization g join g.searchGrams s where s in :grams"
                        + " group by g.id having count(s) = :gramCount)");
                parameters.put("grams", grams);
                parameters.put("gramCount", (long) grams.size());
            }
        }
        if (after != null) {
            where.append(" and (o.kanaSort > :afterKana or (o.kanaSort = :afterKana and o.id > :afterId))");
            parameters.put("afterKana", after.value(0));
            parameters.put("afterId", UUID.fromString(after.value(1)));
        }
        return Organization.<Organization>find("from Organization o where " + where + " order by o.kanaSort, o.id",
                parameters).page(0, page.fetchSize()).list();
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
