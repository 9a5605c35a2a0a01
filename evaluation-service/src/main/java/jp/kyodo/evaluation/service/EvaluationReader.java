package jp.kyodo.evaluation.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.Finding;
import jp.kyodo.evaluation.domain.RoundStatus;
import jp.kyodo.evaluation.domain.SelfAssessment;
import jp.kyodo.evaluation.domain.ThirdPartyAssessment;
import jp.kyodo.evaluation.domain.Viewer;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.ProblemException;

/** Every read of plans and rounds, each passing through the reader's rights and the seal. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EvaluationReader {

    @Inject
    EvaluationAccess access;

    /** Plans the caller may read, oldest first; internal roles read all, members the plans of their parties. */
    public List<EvaluationPlan> plans(UUID agreementId, Cursor after, int fetch) {
        Viewer viewer = access.viewer();
        access.requireSignedIn();
        StringBuilder where = new StringBuilder("1 = 1");
        if (agreementId != null) {
            where.append(" and e.agreementId = :agreement");
        }
        if (!viewer.internal()) {
            if (viewer.organizations().isEmpty()) {
                return List.of();
            }
            where.append(" and exists (select 1 from EvaluationPlan e2 join e2.parties p where e2 = e"
                    + " and p.organizationId in :orgs)");
        }
        if (after != null) {
            where.append(" and (e.createdAt > :at or (e.createdAt = :at and e.id > :id))");
        }
        var query = EvaluationPlan.getEntityManager().createQuery(
                "select e from EvaluationPlan e where " + where + " order by e.createdAt, e.id", EvaluationPlan.class);
        if (agreementId != null) {
            query.setParameter("agreement", agreementId);
        }
        if (!viewer.internal()) {
            query.setParameter("orgs", viewer.organizations());
        }
        if (after != null) {
            query.setParameter("at", java.time.OffsetDateTime.parse(after.value(0)));
            query.setParameter("id", UUID.fromString(after.value(1)));
        }
        return query.setMaxResults(fetch).getResultList();
    }

    public EvaluationPlan plan(UUID planId) {
        EvaluationPlan plan = Lookup.plan(planId);
        access.requireReader(plan);
        return plan;
    }

    public List<EvaluationRound> rounds(UUID planId, Cursor after, int fetch) {
        plan(planId);
        if (after == null) {
            return EvaluationRound.find("planId = ?1 order by openedAt, id", planId).page(0, fetch).list();
        }
        return EvaluationRound.find("planId = ?1 and (openedAt > ?2 or (openedAt = ?2 and id > ?3)) order by openedAt, id",
                planId, java.time.OffsetDateTime.parse(after.value(0)), UUID.fromString(after.value(1))).page(0, fetch)
                .list();
    }

    public long submittedCount(UUID roundId) {
        return SelfAssessment.count("roundId", roundId);
    }

    /** A round for a reader who is a party or internal; 403 for anyone else before publication. */
    public SealedRound round(UUID roundId) {
        EvaluationRound round = Lookup.round(roundId);
        EvaluationPlan plan = Lookup.plan(round.planId);
        access.requireReader(plan);
        return new SealedRound(plan, round, SelfAssessment.ofRound(round.id), access.viewer());
    }

    /** One party's self-assessment: 403 while it is sealed for the reader, 404 while not submitted. */
    public SealedRound selfAssessment(UUID roundId, UUID organizationId) {
        SealedRound sealed = round(roundId);
        if (!sealed.plan().isParty(organizationId)) {
            throw ProblemException.notFound("That organisation is not a party of this evaluation.",
                    "その団体はこの評価の当事者ではありません。");
        }
        if (!sealed.canSee(organizationId)) {
            throw ProblemException.forbidden(
                    "Self-assessments stay sealed until every party has submitted; you see your own party's only.",
                    "すべての当事者が提出するまで、自己評価は自団体のもののみ閲覧できます。");
        }
        if (!sealed.isSubmitted(organizationId)) {
            throw ProblemException.notFound("This party has not submitted its self-assessment yet.",
                    "この団体はまだ自己評価を提出していません。");
        }
        return sealed;
    }

    /** The side-by-side review: only once every party has submitted, and only for those who may see all. */
    public SealedRound review(UUID roundId) {
        SealedRound sealed = round(roundId);
        if (!sealed.round().status.isReviewOrLater()) {
            throw ProblemException.conflict("The side-by-side review opens when every party has submitted.",
                    "相互評価の一覧は、すべての当事者が自己評価を提出した後に閲覧できます。");
        }
        if (!sealed.canSeeAll()) {
            throw ProblemException.forbidden("You may not read this review.", "この相互評価は閲覧できません。");
        }
        return sealed;
    }

    /** A published round, for anyone. */
    public SealedRound published(UUID roundId) {
        EvaluationRound round = EvaluationRound.findById(roundId);
        if (round == null || round.status != RoundStatus.PUBLISHED) {
            throw ProblemException.notFound("No published evaluation with this id.", "公表された評価が見つかりません。");
        }
        return new SealedRound(Lookup.plan(round.planId), round, SelfAssessment.ofRound(round.id), access.viewer());
    }

    /**
     * Every published round as the public reads it, oldest publication first, of one fiscal year or (null) all: the
     * open data. Read as an anonymous viewer whoever asks, so nothing the seal keeps from the public comes out — and
     * a round that is not PUBLISHED is not even loaded. Seven queries however many rounds, as for a page.
     */
    public List<RoundResult> publishedForEveryone(Integer fiscalYear) {
        List<EvaluationRound> rounds = fiscalYear == null
                ? EvaluationRound.list("status = ?1 order by publishedAt, id", RoundStatus.PUBLISHED)
                : EvaluationRound.list("status = ?1 and fiscalYear = ?2 order by publishedAt, id", RoundStatus.PUBLISHED,
                        fiscalYear);
        Map<UUID, RoundResult> results = publishedResults(rounds, Viewer.ANONYMOUS);
        return rounds.stream().map(r -> results.get(r.id)).toList();
    }

    public List<EvaluationRound> publishedRounds(Cursor after, int fetch) {
        if (after == null) {
            return EvaluationRound.find("status = ?1 order by publishedAt desc, id desc", RoundStatus.PUBLISHED)
                    .page(0, fetch).list();
        }
        return EvaluationRound.find(
                "status = ?1 and (publishedAt < ?2 or (publishedAt = ?2 and id < ?3)) order by publishedAt desc, id desc",
                RoundStatus.PUBLISHED, java.time.OffsetDateTime.parse(after.value(0)), UUID.fromString(after.value(1)))
                .page(0, fetch).list();
    }

    /**
     * The results of a page of published rounds, by round id, the same as {@link #published(UUID)} gives one by one
     * but read in seven queries whatever the page's size: the plans with their parties, indicators and goals, then
     * the assessments with their scores, the findings and the third-party assessments of all the page's rounds.
     */
    public Map<UUID, RoundResult> publishedResults(List<EvaluationRound> rounds) {
        return publishedResults(rounds, access.viewer());
    }

    private static Map<UUID, RoundResult> publishedResults(List<EvaluationRound> rounds, Viewer viewer) {
        if (rounds.isEmpty()) {
            return Map.of();
        }
        List<UUID> roundIds = rounds.stream().map(r -> r.id).toList();
        List<UUID> planIds = rounds.stream().map(r -> r.planId).distinct().toList();
        var em = EvaluationPlan.getEntityManager();
        // One collection fetched per query, so that no query multiplies the rows of two collections.
        Map<UUID, EvaluationPlan> plans = em
                .createQuery("select p from EvaluationPlan p left join fetch p.parties where p.id in :ids",
                        EvaluationPlan.class)
                .setParameter("ids", planIds).getResultStream()
                .collect(Collectors.toMap(p -> p.id, Function.identity(), (a, b) -> a));
        em.createQuery("select p from EvaluationPlan p left join fetch p.indicators where p.id in :ids",
                EvaluationPlan.class).setParameter("ids", planIds).getResultList();
        em.createQuery("select p from EvaluationPlan p left join fetch p.goals where p.id in :ids",
                EvaluationPlan.class).setParameter("ids", planIds).getResultList();
        Map<UUID, List<SelfAssessment>> assessments = em.createQuery(
                "select a from SelfAssessment a left join fetch a.scores where a.roundId in :ids"
                        + " order by a.submittedAt, a.id", SelfAssessment.class)
                .setParameter("ids", roundIds).getResultStream().distinct()
                .collect(Collectors.groupingBy(a -> a.roundId));
        Map<UUID, List<Finding>> findings = Finding.<Finding>list("roundId in ?1 order by recordedAt, id", roundIds)
                .stream().collect(Collectors.groupingBy(f -> f.roundId));
        Map<UUID, ThirdPartyAssessment> thirdParties = ThirdPartyAssessment
                .<ThirdPartyAssessment>list("roundId in ?1", roundIds).stream()
                .collect(Collectors.toMap(t -> t.roundId, Function.identity()));
        Map<UUID, RoundResult> results = new HashMap<>();
        for (EvaluationRound round : rounds) {
            SealedRound sealed = new SealedRound(plans.get(round.planId), round,
                    assessments.getOrDefault(round.id, List.of()), viewer);
            results.put(round.id, sealed.result(findings.getOrDefault(round.id, List.of()),
                    Optional.ofNullable(thirdParties.get(round.id))));
        }
        return results;
    }
}
