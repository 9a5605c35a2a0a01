package jp.kyodo.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.platform.problem.ProblemException;

/** The evaluation rules of DOMAIN.md, checked without a server. */
class EvaluationRulesTest {

    private static final UUID CITY = UUID.randomUUID();
    private static final UUID NPO = UUID.randomUUID();
    private static final List<UUID> PARTIES = List.of(CITY, NPO);

    private static final Viewer CITY_MEMBER = new Viewer("staff", Set.of(CITY), true);
    private static final Viewer NPO_MEMBER = new Viewer("partner", Set.of(NPO), false);
    private static final Viewer OTHER_STAFF = new Viewer("other-staff", Set.of(), true);
    private static final Viewer OTHER_PARTNER = new Viewer("other", Set.of(UUID.randomUUID()), false);

    @Test
    void anItemDivergesWhenTheHighestAndLowestScoresDifferByTwoOrMore() {
        assertThat(DivergenceRule.diverges(List.of(5, 3))).isTrue();
        assertThat(DivergenceRule.diverges(List.of(1, 4, 2))).isTrue();
        assertThat(DivergenceRule.diverges(List.of(4, 3))).isFalse();
        assertThat(DivergenceRule.diverges(List.of(2))).isFalse();
    }

    @Test
    void scoresRunFromOneToFiveAndOneOrTwoNeedAReason() {
        assertThat(ScoreScale.isOnScale(0)).isFalse();
        assertThat(ScoreScale.isOnScale(6)).isFalse();
        assertThat(ScoreScale.isOnScale(null)).isFalse();
        assertThat(ScoreScale.requiresReason(2)).isTrue();
        assertThat(ScoreScale.requiresReason(3)).isFalse();
        assertThat(ScoreScale.meaningJa(3)).isEqualTo("想定どおり");
    }

    @Test
    void theAchievementRateIsTheActualValueAsAPercentageOfTheTarget() {
        assertThat(AchievementRate.of(new BigDecimal("15"), new BigDecimal("12"))).isEqualByComparingTo("125.00");
        assertThat(AchievementRate.of(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
        assertThat(AchievementRate.bandOf(new BigDecimal("99.99"))).isEqualTo("FROM_80_TO_100");
        assertThat(AchievementRate.bandOf(new BigDecimal("120"))).isEqualTo("AT_LEAST_120");
    }

    @Test
    void whileARoundIsOpenOnlyTheScoringPartySeesItsScores() {
        EvaluationRound round = roundIn(RoundStatus.OPEN);
        assertThat(SealedAssessment.canSee(round, PARTIES, NPO, NPO_MEMBER)).isTrue();
        assertThat(SealedAssessment.canSee(round, PARTIES, NPO, CITY_MEMBER)).isFalse();
        assertThat(SealedAssessment.canSee(round, PARTIES, NPO, OTHER_STAFF)).isFalse();
        assertThat(SealedAssessment.canSee(round, PARTIES, NPO, Viewer.ANONYMOUS)).isFalse();
        assertThat(SealedAssessment.canSeeAll(round, PARTIES, CITY_MEMBER)).isFalse();
    }

    @Test
    void inReviewThePartiesAndInternalStaffSeeAllButOutsidersDoNot() {
        for (RoundStatus status : List.of(RoundStatus.IN_REVIEW, RoundStatus.CLOSED)) {
            EvaluationRound round = roundIn(status);
            assertThat(SealedAssessment.canSeeAll(round, PARTIES, CITY_MEMBER)).isTrue();
            assertThat(SealedAssessment.canSeeAll(round, PARTIES, NPO_MEMBER)).isTrue();
            assertThat(SealedAssessment.canSeeAll(round, PARTIES, OTHER_STAFF)).isTrue();
            assertThat(SealedAssessment.canSee(round, PARTIES, NPO, OTHER_PARTNER)).isFalse();
            assertThat(SealedAssessment.canSee(round, PARTIES, NPO, Viewer.ANONYMOUS)).isFalse();
        }
        assertThat(SealedAssessment.canSee(roundIn(RoundStatus.PUBLISHED), PARTIES, NPO, Viewer.ANONYMOUS)).isTrue();
    }

    @Test
    void statisticsAndEventsUseOnlyRoundsPastTheSeal() {
        assertThat(SealedAssessment.countsInStatistics(roundIn(RoundStatus.OPEN), true)).isFalse();
        assertThat(SealedAssessment.countsInStatistics(roundIn(RoundStatus.IN_REVIEW), true)).isFalse();
        assertThat(SealedAssessment.countsInStatistics(roundIn(RoundStatus.CLOSED), true)).isTrue();
        assertThat(SealedAssessment.countsInStatistics(roundIn(RoundStatus.CLOSED), false)).isFalse();
        assertThat(SealedAssessment.countsInStatistics(roundIn(RoundStatus.PUBLISHED), false)).isTrue();
        assertThat(SealedAssessment.mayCarryScoresInEvents(roundIn(RoundStatus.CLOSED))).isFalse();
        assertThat(SealedAssessment.mayCarryScoresInEvents(roundIn(RoundStatus.PUBLISHED))).isTrue();
    }

    @Test
    void aRoundPassesItsStatesInOrderOnly() {
        EvaluationRound round = roundIn(RoundStatus.OPEN);
        assertThatThrownBy(round::publish).isInstanceOf(ProblemException.class);
        assertThatThrownBy(round::close).isInstanceOf(ProblemException.class);
        round.recordSubmission();
        assertThat(round.startReviewWhenAllSubmitted(2)).isFalse();
        round.recordSubmission();
        assertThat(round.startReviewWhenAllSubmitted(2)).isTrue();
        round.close();
        round.publish();
        assertThat(round.status).isEqualTo(RoundStatus.PUBLISHED);
        assertThat(round.publishedAt).isNotNull();
    }

    @Test
    void anAssessmentMustScoreEveryItemOncePerIndicatorAndGoal() {
        EvaluationPlan plan = new EvaluationPlan();
        UUID indicator = UUID.randomUUID();
        UUID goal = UUID.randomUUID();
        plan.parties.add(new PlanParty(CITY, ActorType.CITY_DEPARTMENT, "課"));
        plan.indicators.add(new PlanIndicator(indicator, "回数", "回", new BigDecimal("10")));
        plan.goals.add(new PlanGoal(goal, "目標"));
        assertThat(plan.requiredItems()).hasSize(EvaluationItem.values().length);

        List<ScoredLine> project = List.of(
                new ScoredLine("project[0]", EvaluationItem.PROJECT_INDICATOR_ACHIEVEMENT, indicator, null, 4, null,
                        new BigDecimal("11")));
        assertThatThrownBy(() -> AssessmentSheet.check(plan, Map.of(Track.PROJECT, project, Track.COLLABORATION, List.of())))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldErrors()).hasSize(EvaluationItem.values().length - 1));
    }

    @Test
    void aCommitteeMemberOfAPartyHasAConflictOfInterest() {
        assertThatThrownBy(() -> ConflictOfInterestPolicy.requireIndependent(NPO_MEMBER, PARTIES))
                .isInstanceOf(ProblemException.class);
        ConflictOfInterestPolicy.requireIndependent(OTHER_STAFF, PARTIES);
    }

    @Test
    void publicCellsOfFewerThanThreeCasesAreHidden() {
        assertThat(SmallCellSuppression.hides(2)).isTrue();
        assertThat(SmallCellSuppression.hides(3)).isFalse();
    }

    private static EvaluationRound roundIn(RoundStatus status) {
        EvaluationRound round = new EvaluationRound();
        round.id = UUID.randomUUID();
        round.status = status;
        return round;
    }
}
