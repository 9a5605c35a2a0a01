package jp.kyodo.directory.service.opendata;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FiscalYear;

/**
 * The public directory as open data (公開): every VERIFIED organisation's public fields. Never members,
 * representatives, eligibility evidence or contact details other than a web site the organisation chose to publish:
 * phone numbers, e-mail and postal addresses of small groups are often a person's, and a bulk export under an open
 * licence cannot be recalled.
 */
@ApplicationScoped
public class OpenDataQueries {

    /** The verified organisations registered in the fiscal year (null: every year), in kana order, in one query. */
    @Transactional
    public List<OrganizationRecord> organizations(FiscalYear year) {
        String verified = "select distinct o from Organization o left join fetch o.fields where o.status = ?1";
        List<Organization> rows = year == null
                ? Organization.list(verified + " order by o.kanaSort, o.id", OrganizationStatus.VERIFIED)
                : Organization.list(verified + " and o.registeredAt >= ?2 and o.registeredAt < ?3"
                        + " order by o.kanaSort, o.id", OrganizationStatus.VERIFIED, startOf(year), startOf(year.next()));
        return rows.stream().map(OrganizationRecord::of).toList();
    }

    private static OffsetDateTime startOf(FiscalYear year) {
        return year.firstDay().atStartOfDay(FiscalYear.CITY_ZONE).toOffsetDateTime();
    }
}
