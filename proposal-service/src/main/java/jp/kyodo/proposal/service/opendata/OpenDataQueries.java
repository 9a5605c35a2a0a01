package jp.kyodo.proposal.service.opendata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ScreeningResult;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.service.ScreeningService;

/**
 * Proposals as open data (公開): adopted proposals with their decision and rationale, one record each; of the rest
 * only counts per theme (and per fiscal year for citizen-initiated proposals, which answer no theme). Proposals not
 * adopted, withdrawn or not pursued never appear one by one, nor do drafts, reviewers, their scores or comments,
 * consultation threads or people. Each data set is read in a fixed number of queries, whatever its size.
 */
@ApplicationScoped
public class OpenDataQueries {

    @Inject
    ScreeningService screenings;

    @Inject
    EntityManager entityManager;

    /** The adopted proposals of the fiscal year (null: every year), by fiscal year and reference number. */
    @Transactional
    public List<AdoptedProposalRecord> adoptedProposals(FiscalYear year) {
        String adoptedIn = "status = ?1" + (year == null ? "" : " and fiscalYear = ?2")
                + " order by fiscalYear, referenceNumber, id";
        List<Proposal> adopted = year == null ? Proposal.list(adoptedIn, ProposalStatus.ADOPTED)
                : Proposal.list(adoptedIn, ProposalStatus.ADOPTED, year.year());
        Set<UUID> themeIds = new LinkedHashSet<>();
        Set<UUID> organizationIds = new LinkedHashSet<>();
        for (Proposal p : adopted) {
            if (p.themeId != null) {
                themeIds.add(p.themeId);
            }
            organizationIds.addAll(p.content.proposingOrganizationIds());
            organizationIds.add(p.content.departmentId());
        }
        Map<UUID, String> themeTitles = new HashMap<>();
        if (!themeIds.isEmpty()) {
            Theme.<Theme>list("id in ?1", themeIds).forEach(t -> themeTitles.put(t.id, t.title));
        }
        Map<UUID, String> names = namesOf(organizationIds);
        Map<UUID, ScreeningResult> results = screenings.publishableResultsOf(adopted);
        return adopted.stream()
                .map(p -> AdoptedProposalRecord.of(p, themeTitles.get(p.themeId), names, results.get(p.id)))
                .toList();
    }

    /** The counts per theme, and per fiscal year of the citizen-initiated proposals (null: every year). */
    @Transactional
    public List<ThemeOutcomeRecord> themeOutcomes(FiscalYear year) {
        List<Theme> themes = year == null ? Theme.list("order by fiscalYear, publishedAt, id")
                : Theme.list("fiscalYear = ?1 order by fiscalYear, publishedAt, id", year.year());
        Map<UUID, Map<ProposalStatus, Long>> byTheme = new HashMap<>();
        Map<Integer, Map<ProposalStatus, Long>> citizenByYear = new HashMap<>();
        for (Object[] row : countsByThemeYearAndStatus(year)) {
            UUID theme = (UUID) row[0];
            ProposalStatus status = (ProposalStatus) row[2];
            long count = ((Number) row[3]).longValue();
            Map<ProposalStatus, Long> counts = theme == null
                    ? citizenByYear.computeIfAbsent((Integer) row[1], y -> new EnumMap<>(ProposalStatus.class))
                    : byTheme.computeIfAbsent(theme, t -> new EnumMap<>(ProposalStatus.class));
            counts.merge(status, count, Long::sum);
        }
        Map<UUID, String> departments = namesOf(themes.stream().map(t -> t.departmentId).toList());
        List<ThemeOutcomeRecord> records = new ArrayList<>();
        for (Theme theme : themes) {
            records.add(ThemeOutcomeRecord.of(theme.fiscalYear, ProposalOrigin.CITY_INITIATED, theme.id, theme.title,
                    theme.departmentId, departments.get(theme.departmentId), byTheme.getOrDefault(theme.id, Map.of())));
        }
        citizenByYear.forEach((fy, counts) -> records.add(
                ThemeOutcomeRecord.of(fy, ProposalOrigin.CITIZEN_INITIATED, null, null, null, null, counts)));
        // By fiscal year; within one, the themes as published, then the citizen-initiated row.
        records.sort(Comparator.comparingInt(ThemeOutcomeRecord::fiscalYear)
                .thenComparing(r -> r.origin() == ProposalOrigin.CITIZEN_INITIATED));
        return records;
    }

    /** Submitted proposals counted by theme (null: citizen-initiated), fiscal year and status. */
    private List<Object[]> countsByThemeYearAndStatus(FiscalYear year) {
        var query = entityManager.createQuery("select p.themeId, p.fiscalYear, p.status, count(p) from Proposal p"
                + " where p.status <> :draft" + (year == null ? "" : " and p.fiscalYear = :year")
                + " group by p.themeId, p.fiscalYear, p.status", Object[].class)
                .setParameter("draft", ProposalStatus.DRAFT);
        if (year != null) {
            query.setParameter("year", year.year());
        }
        return query.getResultList();
    }

    /** Organisation names as the directory's events last described them. */
    private static Map<UUID, String> namesOf(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            KnownOrganization.<KnownOrganization>list("id in ?1", Set.copyOf(ids)).forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }
}
