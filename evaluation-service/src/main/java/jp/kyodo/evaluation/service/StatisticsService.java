package jp.kyodo.evaluation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.evaluation.domain.AchievementRate;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.ItemScore;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.SealedAssessment;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.SideBySide;
import jp.kyodo.evaluation.domain.SmallCellSuppression;
import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.EvaluationStatistics.Dimension;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;

/**
 * City-wide figures by fiscal year, field, form or actor type. Staff, coordinators, analysts and administrators get
 * CLOSED and PUBLISHED rounds, unsuppressed; everyone else PUBLISHED rounds only, with every cell of fewer than 3
 * cases hidden. An OPEN or IN_REVIEW round never counts (see {@link SealedAssessment#countsInStatistics}).
 * The two tracks are reported item by item and never combined.
 */
@ApplicationScoped
public class StatisticsService {

    @Inject
    EvaluationAccess access;

    /** Filters of a statistics request; null means any. */
    public record Filter(Integer fiscalYear, FieldOfActivity field, CollaborationForm form, ActorType actorType) {
    }

    /** One round with what the statistics need of it. */
    private record Case(EvaluationPlan plan, EvaluationRound round, List<SelfAssessment> assessments,
            List<SideBySide.Line> lines) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvaluationStatistics compute(Dimension by, Filter filter) {
        boolean internal = access.readsInternalStatistics();
        List<RoundStatus> statuses = internal ? List.of(RoundStatus.CLOSED, RoundStatus.PUBLISHED)
                : List.of(RoundStatus.PUBLISHED);
        List<EvaluationRound> rounds = filter.fiscalYear() == null
                ? EvaluationRound.list("status in ?1", statuses)
                : EvaluationRound.list("status in ?1 and fiscalYear = ?2", statuses, filter.fiscalYear());
        Map<UUID, EvaluationPlan> plans = new LinkedHashMap<>();
        List<Case> cases = new ArrayList<>();
        for (EvaluationRound round : rounds) {
            if (!SealedAssessment.countsInStatistics(round, internal)) {
                continue;
            }
            EvaluationPlan plan = plans.computeIfAbsent(round.planId, id -> EvaluationPlan.findById(id));
            if ((filter.field() != null && plan.field != filter.field())
                    || (filter.form() != null && plan.collaborationForm != filter.form())
                    || (filter.actorType() != null && plan.parties.stream().noneMatch(p -> p.actorType == filter.actorType()))) {
                continue;
            }
            List<SelfAssessment> assessments = SelfAssessment.ofRound(round.id);
            cases.add(new Case(plan, round, assessments, SideBySide.of(plan, assessments)));
        }
        Map<String, Accumulator> cells = new TreeMap<>();
        for (Case c : cases) {
            if (by == Dimension.ACTOR_TYPE) {
                for (SelfAssessment a : c.assessments()) {
                    ActorType type = c.plan().party(a.organizationId).map(p -> p.actorType).orElse(null);
                    if (type == null || (filter.actorType() != null && type != filter.actorType())) {
                        continue;
                    }
                    cells.computeIfAbsent(type.name(), k -> new Accumulator()).add(List.of(a), c.lines(), 1);
                }
            } else {
                String key = switch (by) {
                    case FISCAL_YEAR -> Integer.toString(c.round().fiscalYear);
                    case FIELD -> c.plan().field.name();
                    case FORM -> c.plan().collaborationForm.name();
                    default -> throw new IllegalStateException();
                };
                List<SelfAssessment> counted = filter.actorType() == null ? c.assessments()
                        : c.assessments().stream().filter(a -> c.plan().party(a.organizationId)
                                .map((PlanParty p) -> p.actorType == filter.actorType()).orElse(false)).toList();
                cells.computeIfAbsent(key, k -> new Accumulator()).add(counted, c.lines(), 1);
            }
        }
        List<EvaluationStatistics.Cell> result = new ArrayList<>();
        boolean suppressing = !internal;
        cells.forEach((key, acc) -> result.add(
                suppressing && SmallCellSuppression.hides(acc.cases) ? EvaluationStatistics.Cell.hidden(key) : acc.cell(key)));
        return new EvaluationStatistics(by, internal ? "CLOSED_AND_PUBLISHED" : "PUBLISHED",
                suppressing ? SmallCellSuppression.MINIMUM_CASES : null, result);
    }

    /** Sums of one cell. */
    private static final class Accumulator {
        long cases;
        final Map<EvaluationItem, long[]> sums = new TreeMap<>();
        long lines;
        long divergentLines;
        final Map<String, Long> bands = new LinkedHashMap<>();

        void add(List<SelfAssessment> assessments, List<SideBySide.Line> roundLines, int caseCount) {
            cases += caseCount;
            lines += roundLines.size();
            divergentLines += roundLines.stream().filter(SideBySide.Line::divergent).count();
            for (SelfAssessment a : assessments) {
                for (ItemScore s : a.scores) {
                    long[] sum = sums.computeIfAbsent(s.item, i -> new long[2]);
                    sum[0] += s.score;
                    sum[1]++;
                    if (s.item == EvaluationItem.PROJECT_INDICATOR_ACHIEVEMENT) {
                        bands.merge(AchievementRate.bandOf(s.achievementRate), 1L, Long::sum);
                    }
                }
            }
        }

        EvaluationStatistics.Cell cell(String key) {
            List<EvaluationStatistics.Band> distribution = new ArrayList<>();
            for (String band : AchievementRate.BANDS) {
                distribution.add(new EvaluationStatistics.Band(band, bands.getOrDefault(band, 0L)));
            }
            if (bands.containsKey("UNKNOWN")) {
                distribution.add(new EvaluationStatistics.Band("UNKNOWN", bands.get("UNKNOWN")));
            }
            return new EvaluationStatistics.Cell(key, cases, false, means(Track.PROJECT), means(Track.COLLABORATION),
                    EvaluationStatistics.ratio(divergentLines, lines), distribution);
        }

        List<EvaluationStatistics.ItemMean> means(Track track) {
            return sums.entrySet().stream().filter(e -> e.getKey().track() == track)
                    .map(e -> new EvaluationStatistics.ItemMean(e.getKey(),
                            BigDecimal.valueOf(e.getValue()[0]).divide(BigDecimal.valueOf(e.getValue()[1]), 2,
                                    RoundingMode.HALF_UP),
                            e.getValue()[1]))
                    .toList();
        }
    }
}
