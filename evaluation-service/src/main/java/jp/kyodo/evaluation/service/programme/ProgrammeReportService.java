package jp.kyodo.evaluation.service.programme;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.ItemScore;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.SideBySide;
import jp.kyodo.evaluation.domain.SmallCellSuppression;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.events.AgreementSnapshot;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.Breakdown;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.Count;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataExport;

/**
 * Computes the programme report from the programme read model (the facts other services announced) and the
 * service's own evaluations. It is a public document: evaluation figures count PUBLISHED rounds only, and every
 * count of consultations, every duration and every score distribution made of fewer than
 * {@link SmallCellSuppression#MINIMUM_CASES} cases is hidden. Proposals and agreements are counted as they are: they
 * are public records already (adopted proposals, agreements, counts per theme).
 */
@ApplicationScoped
public class ProgrammeReportService {

    /** The report year and the two before it. */
    static final int YEARS_COMPARED = 3;

    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {
    };

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = OpenDataExport.PUBLISHER_PROPERTY, defaultValue = "kyodo")
    String publisher;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProgrammeReport report(FiscalYear fiscalYear) {
        List<ProgrammeReport.YearFigures> years = new ArrayList<>();
        for (int year = fiscalYear.year() - YEARS_COMPARED + 1; year <= fiscalYear.year(); year++) {
            years.add(figuresOf(year));
        }
        return new ProgrammeReport(fiscalYear.year(), fiscalYear.eraName(), Instant.now(), publisher,
                OpenDataExport.licence(publisher), SmallCellSuppression.MINIMUM_CASES, years);
    }

    ProgrammeReport.YearFigures figuresOf(int year) {
        List<ProposalRow> proposals = proposalsOf(year);
        return new ProgrammeReport.YearFigures(year, consultationsOf(year), proposalFigures(proposals),
                durations(proposals), money(year), evaluations(year), publicComments(year));
    }

    // ------------------------------------------------------------------------------------------ consultations

    private ProgrammeReport.Consultations consultationsOf(int year) {
        List<Object[]> rows = em.createNativeQuery(
                "select channel, field, status, outcome from programme_intake where fiscal_year = ?1")
                .setParameter(1, year).getResultList();
        long closed = rows.stream().filter(r -> "CLOSED".equals(r[2])).count();
        return new ProgrammeReport.Consultations(rows.size(), closed, counts(rows, r -> (String) r[0]),
                counts(rows, r -> (String) r[1]),
                counts(rows.stream().filter(r -> r[3] != null).toList(), r -> (String) r[3]));
    }

    /** Counts per value (null values as UNSPECIFIED), each hidden under the minimum. */
    static List<Count> counts(List<Object[]> rows, Function<Object[], String> key) {
        Map<String, Long> byKey = new TreeMap<>();
        rows.forEach(r -> byKey.merge(key.apply(r) == null ? "UNSPECIFIED" : key.apply(r), 1L, Long::sum));
        return byKey.entrySet().stream().map(e -> SmallCellSuppression.hides(e.getValue())
                ? new Count(e.getKey(), null, true) : new Count(e.getKey(), e.getValue(), false)).toList();
    }

    // ------------------------------------------------------------------------------------------ proposals

    record ProposalRow(UUID id, String origin, String field, String form, UUID department, List<UUID> proposers,
            String status, Instant submittedAt, Instant decidedAt) {
    }

    private List<ProposalRow> proposalsOf(int year) {
        List<Object[]> rows = em.createNativeQuery("""
                select proposal_id, origin, field, collaboration_form, department_id, cast(proposer_ids as text),
                       status, submitted_at, decided_at
                  from programme_proposal where fiscal_year = ?1 and submitted_at is not null
                """).setParameter(1, year).getResultList();
        List<ProposalRow> proposals = new ArrayList<>();
        for (Object[] r : rows) {
            proposals.add(new ProposalRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (UUID) r[4],
                    ids((String) r[5]), (String) r[6], instant(r[7]), instant(r[8])));
        }
        return proposals;
    }

    private ProgrammeReport.Proposals proposalFigures(List<ProposalRow> proposals) {
        Map<String, long[]> byActorType = new TreeMap<>();
        for (ProposalRow p : proposals) {
            p.proposers().stream().map(id -> KnownOrganization.<KnownOrganization>findByIdOptional(id)
                    .map(o -> o.type.name()).orElse("UNKNOWN")).distinct()
                    .forEach(type -> add(byActorType, type, p));
        }
        return new ProgrammeReport.Proposals(proposals.size(), status(proposals, "ADOPTED"),
                status(proposals, "NOT_ADOPTED"), status(proposals, "WITHDRAWN"), status(proposals, "NOT_PURSUED"),
                breakdown(proposals, ProposalRow::origin), breakdown(proposals, ProposalRow::field),
                breakdown(proposals, ProposalRow::form), rows(byActorType),
                breakdown(proposals, p -> p.department() == null ? null : p.department().toString()));
    }

    private static long status(List<ProposalRow> proposals, String status) {
        return proposals.stream().filter(p -> status.equals(p.status())).count();
    }

    private static List<Breakdown> breakdown(List<ProposalRow> proposals, Function<ProposalRow, String> key) {
        Map<String, long[]> cells = new TreeMap<>();
        proposals.forEach(p -> add(cells, key.apply(p) == null ? "UNSPECIFIED" : key.apply(p), p));
        return rows(cells);
    }

    private static void add(Map<String, long[]> cells, String key, ProposalRow p) {
        long[] cell = cells.computeIfAbsent(key, k -> new long[2]);
        cell[0]++;
        if ("ADOPTED".equals(p.status())) {
            cell[1]++;
        }
    }

    private static List<Breakdown> rows(Map<String, long[]> cells) {
        return cells.entrySet().stream().map(e -> new Breakdown(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    // ------------------------------------------------------------------------------------------ durations

    private ProgrammeReport.Durations durations(List<ProposalRow> proposals) {
        List<Double> toDecision = new ArrayList<>();
        List<Double> toAgreement = new ArrayList<>();
        for (ProposalRow p : proposals) {
            if (p.decidedAt() != null && ("ADOPTED".equals(p.status()) || "NOT_ADOPTED".equals(p.status()))) {
                toDecision.add(days(p.submittedAt(), p.decidedAt()));
            }
        }
        List<UUID> adopted = proposals.stream().filter(p -> "ADOPTED".equals(p.status()) && p.decidedAt() != null)
                .map(ProposalRow::id).toList();
        if (!adopted.isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("""
                    select a.proposal_id, min(a.activated_at) from programme_agreement a
                     where a.proposal_id in (?1) and a.activated_at is not null group by a.proposal_id
                    """).setParameter(1, adopted).getResultList();
            for (Object[] r : rows) {
                ProposalRow p = proposals.stream().filter(x -> x.id().equals(r[0])).findFirst().orElseThrow();
                toAgreement.add(days(p.decidedAt(), instant(r[1])));
            }
        }
        return new ProgrammeReport.Durations(duration(toDecision), duration(toAgreement));
    }

    static ProgrammeReport.Duration duration(List<Double> days) {
        if (days.isEmpty()) {
            return new ProgrammeReport.Duration(0, null, null, false);
        }
        if (SmallCellSuppression.hides(days.size())) {
            return new ProgrammeReport.Duration(days.size(), null, null, true);
        }
        List<Double> sorted = days.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new ProgrammeReport.Duration(n, oneDecimal(median), oneDecimal(mean), false);
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 86_400_000.0;
    }

    // ------------------------------------------------------------------------------------------ money

    private ProgrammeReport.Money money(int year) {
        List<Object[]> agreements = em.createNativeQuery("""
                select agreement_id, collaboration_form, cast(costs as text), activated_at from programme_agreement
                 where state in ('ACTIVE', 'COMPLETED')
                """).getResultList();
        Map<String, long[]> byForm = new TreeMap<>();
        long activated = 0;
        for (Object[] a : agreements) {
            Instant activatedAt = instant(a[3]);
            if (activatedAt != null && FiscalYear.containing(activatedAt).year() == year) {
                activated++;
            }
            AgreementSnapshot.Costs costs = a[2] == null ? null : read((String) a[2], AgreementSnapshot.Costs.class);
            if (costs == null) {
                continue;
            }
            for (AgreementSnapshot.YearCosts y : costs.byFiscalYear()) {
                if (y.fiscalYear() == year) {
                    long[] cell = byForm.computeIfAbsent((String) a[1], k -> new long[5]);
                    cell[0]++;
                    cell[1] += y.cityShareYen();
                    cell[2] += y.partnerShareYen();
                }
            }
        }
        List<Object[]> settled = em.createNativeQuery("""
                select a.collaboration_form, sum(s.confirmed_yen), sum(s.to_return_yen)
                  from programme_settlement s join programme_agreement a on a.agreement_id = s.agreement_id
                 where s.fiscal_year = ?1 group by a.collaboration_form
                """).setParameter(1, year).getResultList();
        for (Object[] s : settled) {
            long[] cell = byForm.computeIfAbsent((String) s[0], k -> new long[5]);
            cell[3] += ((Number) s[1]).longValue();
            cell[4] += ((Number) s[2]).longValue();
        }
        List<ProgrammeReport.FormMoney> forms = byForm.entrySet().stream().map(e -> new ProgrammeReport.FormMoney(
                e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
                .toList();
        return new ProgrammeReport.Money(activated, forms,
                forms.stream().mapToLong(ProgrammeReport.FormMoney::cityShareYen).sum(),
                forms.stream().mapToLong(ProgrammeReport.FormMoney::partnerShareYen).sum(),
                forms.stream().mapToLong(ProgrammeReport.FormMoney::settledYen).sum());
    }

    // ------------------------------------------------------------------------------------------ evaluations

    private ProgrammeReport.Evaluations evaluations(int year) {
        List<EvaluationRound> finished = EvaluationRound.list("fiscalYear = ?1 and status in ?2", year,
                List.of(RoundStatus.CLOSED, RoundStatus.PUBLISHED));
        List<EvaluationRound> published = finished.stream().filter(r -> r.status == RoundStatus.PUBLISHED)
                .sorted(Comparator.comparing(r -> r.id)).toList();
        boolean hidden = SmallCellSuppression.hides(published.size());
        long[][] distribution = new long[2][5];
        long lines = 0;
        long divergent = 0;
        for (EvaluationRound round : published) {
            EvaluationPlan plan = EvaluationPlan.findById(round.planId);
            List<SelfAssessment> assessments = SelfAssessment.ofRound(round.id);
            for (SelfAssessment a : assessments) {
                for (ItemScore s : a.scores) {
                    distribution[s.item.track() == Track.PROJECT ? 0 : 1][s.score - 1]++;
                }
            }
            List<SideBySide.Line> side = SideBySide.of(plan, assessments);
            lines += side.size();
            divergent += side.stream().filter(SideBySide.Line::divergent).count();
        }
        List<ProgrammeReport.TrackFigures> tracks = new ArrayList<>();
        for (Track track : Track.values()) {
            long[] d = distribution[track == Track.PROJECT ? 0 : 1];
            tracks.add(hidden ? new ProgrammeReport.TrackFigures(track.name(), published.size(), null, null, true)
                    : new ProgrammeReport.TrackFigures(track.name(), published.size(),
                            List.of(d[0], d[1], d[2], d[3], d[4]), mean(d), false));
        }
        return new ProgrammeReport.Evaluations(finished.size(), published.size(),
                ratio(published.size(), finished.size()), tracks, hidden ? null : ratio(divergent, lines));
    }

    private static BigDecimal mean(long[] distribution) {
        long n = 0;
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            n += distribution[i];
            sum += distribution[i] * (i + 1);
        }
        return n == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------ public comment

    private ProgrammeReport.PublicComments publicComments(int year) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select count(*), coalesce(sum(comments), 0), count(*) filter (where result_published)
                  from programme_comment_period where fiscal_year = ?1
                """).setParameter(1, year).getSingleResult();
        return new ProgrammeReport.PublicComments(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue());
    }

    // ------------------------------------------------------------------------------------------ helpers

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private List<UUID> ids(String json) {
        return json == null ? List.of() : read(json, IDS);
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable programme read model row", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable programme read model row", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a time: " + value.getClass());
    }
}
