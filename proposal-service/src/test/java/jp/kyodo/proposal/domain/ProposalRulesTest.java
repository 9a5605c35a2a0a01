package jp.kyodo.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.OrganizationProblems;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.problem.ProblemException;

/** The proposal rules of DOMAIN.md and docs/domain-decisions.md, checked without a server. */
class ProposalRulesTest {

    private static final UUID NPO = UUID.randomUUID();
    private static final UUID PARTNER_NPO = UUID.randomUUID();
    private static final UUID DEPARTMENT = UUID.randomUUID();

    @Test
    void onlyVerifiedUnsuspendedOrganisationsKnownToTheDirectoryMaySubmitEveryOneOfAJointProposal() {
        Function<UUID, Optional<KnownOrganization>> directory = id -> Optional.ofNullable(Map.of(
                NPO, organization(OrganizationStatus.VERIFIED),
                PARTNER_NPO, organization(OrganizationStatus.UNVERIFIED),
                DEPARTMENT, organization(OrganizationStatus.SUSPENDED)).get(id));
        assertThatCode(() -> EligibilityPolicy.requireEligible(List.of(NPO), directory)).doesNotThrowAnyException();
        assertRefusedAsNotEligible(() -> EligibilityPolicy.requireEligible(List.of(NPO, PARTNER_NPO), directory));
        assertRefusedAsNotEligible(() -> EligibilityPolicy.requireEligible(List.of(DEPARTMENT), directory));
        assertRefusedAsNotEligible(() -> EligibilityPolicy.requireEligible(List.of(UUID.randomUUID()), directory));
    }

    @Test
    void aThemeResponseMayNotAskTheCityForMoreThanTheThemesCeiling() {
        Theme theme = new Theme();
        theme.budgetCeilingYen = 300_000;
        assertThatCode(() -> CityShareCeiling.requireWithin(content(200_000, 100_000), theme)).doesNotThrowAnyException();
        assertThatCode(() -> CityShareCeiling.requireWithin(content(300_000, 900_000), theme))
                .as("the proposers' own share does not count").doesNotThrowAnyException();
        assertThatThrownBy(() -> CityShareCeiling.requireWithin(content(300_001, 0), theme))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.fieldErrors()).extracting("field").containsExactly("budgetLines"));
        assertThatCode(() -> CityShareCeiling.requireWithin(content(5_000_000, 0), null))
                .as("a citizen-initiated proposal has no theme ceiling").doesNotThrowAnyException();
    }

    @Test
    void aReviewerFromAProposerOrFromACompetitorInTheSameThemeHasAConflictOfInterest() {
        UUID competitor = UUID.randomUUID();
        assertThat(ConflictOfInterestPolicy.conflictOf(List.of(NPO), List.of(NPO), List.of())).isPresent();
        assertThat(ConflictOfInterestPolicy.conflictOf(List.of(competitor), List.of(NPO), List.of(competitor)))
                .isPresent();
        assertThat(ConflictOfInterestPolicy.conflictOf(List.of(UUID.randomUUID()), List.of(NPO), List.of(competitor)))
                .isEmpty();
        assertThatThrownBy(() -> ConflictOfInterestPolicy.requireNone(List.of(NPO), List.of(NPO), List.of(), false))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.type()).isEqualTo(OrganizationProblems.CONFLICT_OF_INTEREST));
    }

    @Test
    void aProposalMovesFromDraftThroughConsultationAndScreeningToOneDecisionOnly() {
        assertThat(ProposalStatus.DRAFT.next()).containsExactly(ProposalStatus.SUBMITTED);
        assertThat(ProposalStatus.SUBMITTED.canMoveTo(ProposalStatus.UNDER_SCREENING))
                .as("screening starts only from consultation").isFalse();
        assertThat(ProposalStatus.IN_CONSULTATION.canMoveTo(ProposalStatus.UNDER_SCREENING)).isTrue();
        assertThat(ProposalStatus.UNDER_SCREENING.next()).containsExactlyInAnyOrder(ProposalStatus.ADOPTED,
                ProposalStatus.NOT_ADOPTED, ProposalStatus.WITHDRAWN);
        assertThat(ProposalStatus.UNDER_SCREENING.canMoveTo(ProposalStatus.NOT_PURSUED)).isFalse();
        for (ProposalStatus end : EnumSet.of(ProposalStatus.ADOPTED, ProposalStatus.NOT_ADOPTED, ProposalStatus.WITHDRAWN,
                ProposalStatus.NOT_PURSUED)) {
            assertThat(end.next()).as(end + " is final").isEmpty();
        }
        assertThat(EnumSet.allOf(ProposalStatus.class).stream().filter(ProposalStatus::endsAsConsultationCase))
                .containsExactlyInAnyOrder(ProposalStatus.NOT_ADOPTED, ProposalStatus.WITHDRAWN,
                        ProposalStatus.NOT_PURSUED);

        Proposal proposal = new Proposal();
        proposal.status = ProposalStatus.SUBMITTED;
        assertThatThrownBy(() -> proposal.moveTo(ProposalStatus.ADOPTED)).isInstanceOfSatisfying(
                ProblemException.class, e -> assertThat(e.type().slug()).isEqualTo("invalid-transition"));
        assertThat(proposal.moveTo(ProposalStatus.IN_CONSULTATION)).isEqualTo(ProposalStatus.SUBMITTED);
    }

    @Test
    void aReviewerSeesTheOtherScoresOnlyAfterSubmittingTheirOwnTheSecretariatAlways() {
        List<ReviewerScore> submitted = List.of(score("reviewer-a"), score("reviewer-b"));
        assertThat(SealedScores.visibleTo("reviewer-c", false, submitted)).isEmpty();
        assertThat(SealedScores.visibleTo("reviewer-a", false, submitted)).hasSize(2);
        assertThat(SealedScores.visibleTo("staff", true, submitted)).hasSize(2);
    }

    @Test
    void criteriaCountEquallyUnlessAThemeWeighsThemBetweenOneAndTen() {
        assertThat(CriteriaWeights.of(null, "criteriaWeights")).containsValues(1).hasSize(6);
        assertThat(CriteriaWeights.of(Map.of(ScreeningCriterion.FEASIBILITY, 3), "criteriaWeights"))
                .containsEntry(ScreeningCriterion.FEASIBILITY, 3).containsEntry(ScreeningCriterion.PIONEERING, 1);
        assertThatThrownBy(() -> CriteriaWeights.of(Map.of(ScreeningCriterion.FEASIBILITY, 11), "criteriaWeights"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.fieldErrors()).extracting("field")
                        .containsExactly("criteriaWeights.FEASIBILITY"));
        assertThatThrownBy(() -> CriteriaWeights.of(Map.of(ScreeningCriterion.PUBLIC_BENEFIT, 0), "w"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aThemeAcceptsProposalsFromItsOpeningUntilJustBeforeItCloses() {
        ApplicationWindow window = new ApplicationWindow(Instant.parse("2027-04-30T15:00:00Z"),
                Instant.parse("2027-05-31T15:00:00Z"));
        assertThat(window.isOpenAt(Instant.parse("2027-04-30T14:59:59Z"))).isFalse();
        assertThat(window.isOpenAt(Instant.parse("2027-04-30T15:00:00Z"))).isTrue();
        assertThat(window.isOpenAt(Instant.parse("2027-05-31T15:00:00Z"))).isFalse();
        assertThat(window.hasClosedBy(Instant.parse("2027-05-31T15:00:00Z"))).isTrue();
        assertThat(window.opensOn()).as("days as the city counts them").isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(window.closesOn()).isEqualTo(LocalDate.of(2027, 5, 31));
    }

    @Test
    void aReferenceNumberIsTheFiscalYearAndARunningNumber() {
        ReferenceNumber number = new ReferenceNumber(FiscalYear.of(2027), 12);
        assertThat(number).hasToString("2027-0012");
        assertThat(number.inJapanese()).isEqualTo("令和9年度 第0012号");
        assertThat(ReferenceNumber.japaneseOf("2027-0012")).isEqualTo("令和9年度 第0012号");
        assertThat(new ReferenceNumber(FiscalYear.of(2027), 1)).hasToString("2027-0001");
        assertThat(new ReferenceNumber(FiscalYear.of(2027), 12345)).hasToString("2027-12345");
    }

    private static ProposalContent content(long cityShare, long ownShare) {
        return new ProposalContent(List.of(NPO), "事業", "課題", List.of("目標"), "進め方", null, null, null,
                new Period(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31)), "受益者",
                List.of(new BudgetLine(DEPARTMENT, 2027, "協働負担金", cityShare), new BudgetLine(NPO, 2027, "自主財源",
                        ownShare)), "効果", DEPARTMENT);
    }

    private static KnownOrganization organization(OrganizationStatus status) {
        KnownOrganization organization = new KnownOrganization();
        organization.name = "団体";
        organization.type = ActorType.CIVIC_GROUP;
        organization.status = status;
        return organization;
    }

    private static ReviewerScore score(String reviewer) {
        ReviewerScore score = new ReviewerScore();
        score.reviewer = reviewer;
        return score;
    }

    private static void assertRefusedAsNotEligible(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.type()).isEqualTo(OrganizationProblems.NOT_ELIGIBLE));
    }
}
