package jp.kyodo.agreement.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.agreement.domain.SignatureReadiness;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.CostLine;
import jp.kyodo.agreement.domain.content.CostPlan;
import jp.kyodo.agreement.domain.content.OutcomeGoal;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.Targets;
import jp.kyodo.agreement.domain.content.Task;
import jp.kyodo.agreement.domain.content.Term;
import jp.kyodo.agreement.domain.content.terms.AdoptTerms;
import jp.kyodo.agreement.domain.content.terms.AdoptedPlace;
import jp.kyodo.agreement.domain.content.terms.CoHostingTerms;
import jp.kyodo.agreement.domain.content.terms.CommissionTerms;
import jp.kyodo.agreement.domain.content.terms.EndorsementTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.HostedEvent;
import jp.kyodo.agreement.domain.content.terms.HostingArrangement;
import jp.kyodo.agreement.domain.content.terms.PaymentTerms;
import jp.kyodo.agreement.domain.content.terms.SubsidyTerms;
import jp.kyodo.agreement.document.SigningParties;
import jp.kyodo.agreement.procedure.CommissionProcedure.PerformanceState;
import jp.kyodo.agreement.procedure.CommissionProcedure.PerformanceStep;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantStep;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/** The forms' named rules and state machines, checked without a server. */
class ProcedureRulesTest {

    private static final UUID CITY = UUID.randomUUID();
    private static final UUID NPO = UUID.randomUUID();
    private static final Procedures PROCEDURES = new Procedures(ProcedureSettings.defaults());
    private static final RequiredParts NOTHING_ATTACHED = (id, content, part) -> false;
    private static final SubsidyRate HALF = new SubsidyRate(1, 2);

    // ------------------------------------------------------------------------------------------ money

    @Test
    void theFixedAmountIsTheSmallestOfDecisionRateTimesCostsAndCapRoundedDownToTheThousand() {
        // decided 800,000; eligible 1,401,500 × 1/2 = 700,750; cap 1,000,000 → 700,000
        assertThat(AmountFixing.fixedAmount(Yen.of(800_000), Yen.of(1_401_500), HALF, Yen.of(1_000_000)))
                .isEqualTo(Yen.of(700_000));
        // the decision is the smallest
        assertThat(AmountFixing.fixedAmount(Yen.of(500_000), Yen.of(2_000_000), HALF, Yen.of(900_000)))
                .isEqualTo(Yen.of(500_000));
        // the cap is the smallest, and is itself rounded down
        assertThat(AmountFixing.fixedAmount(Yen.of(800_000), Yen.of(2_000_000), HALF, Yen.of(640_500)))
                .isEqualTo(Yen.of(640_000));
        // 2/3 of 1,000,000 = 666,666 → 666,000
        assertThat(AmountFixing.fixedAmount(Yen.of(900_000), Yen.of(1_000_000), new SubsidyRate(2, 3),
                Yen.of(900_000))).isEqualTo(Yen.of(666_000));
        assertThat(AmountFixing.decisionCeiling(Yen.of(1_600_000), HALF, Yen.of(1_000_000))).isEqualTo(Yen.of(800_000));
        assertThat(new SubsidyRate(11, 10).isAtMostWhole()).isFalse();
    }

    @Test
    void aGrantDecisionStaysWithinTheCapTheApplicationAndTheBudgetTimesTheRate() {
        AgreementContent application = subsidy(2027, 800_000, 800_000);
        assertThat(SubsidyProcedure.decisionProblems(application, 2027, Yen.of(800_000), HALF, Yen.of(1_000_000)))
                .isEmpty();
        assertThat(fields(SubsidyProcedure.decisionProblems(application, 2027, Yen.of(900_000), HALF,
                Yen.of(1_000_000)))).containsOnly("grant.amountYen");
        assertThat(fields(SubsidyProcedure.decisionProblems(application, 2027, Yen.of(800_000), HALF, Yen.of(500_000))))
                .containsOnly("grant.amountYen");
        assertThat(fields(SubsidyProcedure.decisionProblems(application, 2031, Yen.of(1), HALF, Yen.of(1))))
                .containsExactly("grant.fiscalYear");
        assertThat(fields(SubsidyProcedure.decisionProblems(application, 2027, Yen.of(1), new SubsidyRate(3, 2),
                Yen.of(1)))).containsExactly("grant.rate");
    }

    @Test
    void whatIsLeftIsPaidOrReturnedNeverBoth() {
        assertThat(Balance.of(Yen.of(700_000), Yen.of(400_000))).isEqualTo(new Balance(Yen.of(300_000), Yen.ZERO));
        assertThat(Balance.of(Yen.of(700_000), Yen.of(750_000))).isEqualTo(new Balance(Yen.ZERO, Yen.of(50_000)));
        assertThat(Balance.of(Yen.of(700_000), Yen.of(700_000)).settled()).isTrue();
    }

    @Test
    void aYearsBudgetPaysUntilTheEndOfMayOfTheNextYearAndNotBeforeItStarts() {
        FiscalYear fy2027 = FiscalYear.of(2027);
        assertThat(ClosingPeriod.lastPaymentDay(fy2027)).isEqualTo(LocalDate.of(2028, 5, 31));
        ClosingPeriod.requirePayable(fy2027, LocalDate.of(2028, 5, 31), "paidOn");
        ClosingPeriod.requirePayable(fy2027, LocalDate.of(2027, 4, 1), "paidOn");
        assertThatThrownBy(() -> ClosingPeriod.requirePayable(fy2027, LocalDate.of(2028, 6, 1), "paidOn"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(fields(e.fieldErrors()))
                        .containsExactly("paidOn"));
        assertThatThrownBy(() -> ClosingPeriod.requirePayable(fy2027, LocalDate.of(2027, 3, 31), "paidOn"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void theResultsReportIsDueAfterTheWorkEndsButNeverAfterTheTenthOfApril() {
        assertThat(ResultsReportDeadline.dueOn(FiscalYear.of(2027), LocalDate.of(2027, 10, 31), 30))
                .isEqualTo(LocalDate.of(2027, 11, 30));
        assertThat(ResultsReportDeadline.dueOn(FiscalYear.of(2027), LocalDate.of(2029, 3, 31), 30))
                .isEqualTo(LocalDate.of(2028, 4, 10));
    }

    @Test
    void aCommissionPaysBeforeTheInspectionOnlyWhatItsTermsAllow() {
        CommissionTerms lump = commissionTerms(PaymentTerms.LUMP_SUM, null, "仕様", "分担");
        CommissionTerms advance = commissionTerms(PaymentTerms.ADVANCE_PAYMENT, 30, "仕様", "分担");
        assertThat(CommissionProcedure.advanceLimit(lump, Yen.of(1_000_000))).isEqualTo(Yen.ZERO);
        assertThat(CommissionProcedure.advanceLimit(advance, Yen.of(1_500_000))).isEqualTo(Yen.of(450_000));
    }

    // ------------------------------------------------------------------------------------------ machines

    @Test
    void noCommissionIsPaidBeforeAPassedInspectionAndAFailedOneReturnsTheReport() {
        var machine = CommissionProcedure.COMMISSION_YEAR;
        for (PerformanceState before : List.of(PerformanceState.IN_PROGRESS, PerformanceState.REPORTED,
                PerformanceState.RETURNED, PerformanceState.AWAITING_INVOICE)) {
            assertThat(machine.allows(before, PerformanceStep.PAYMENT)).as(before.name()).isFalse();
            assertThatThrownBy(() -> machine.require(before, PerformanceStep.PAYMENT))
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status()).isEqualTo(409));
        }
        assertThat(machine.allows(PerformanceState.INVOICED, PerformanceStep.PAYMENT)).isTrue();
        assertThat(machine.allows(PerformanceState.REPORTED, PerformanceStep.INVOICE)).isFalse();
        assertThat(machine.allows(PerformanceState.REPORTED, PerformanceStep.INSPECTION, PerformanceState.RETURNED))
                .isTrue();
        assertThat(machine.allows(PerformanceState.RETURNED, PerformanceStep.COMPLETION_REPORT)).isTrue();
        assertThat(machine.stepsFrom(PerformanceState.IN_PROGRESS))
                .containsExactly(PerformanceStep.ADVANCE_PAYMENT, PerformanceStep.COMPLETION_REPORT);
    }

    @Test
    void aGrantIsFixedOnlyAfterItsReportAndPaidOnlyAfterItsInvoice() {
        var machine = SubsidyProcedure.GRANT_YEAR;
        assertThat(machine.allows(GrantState.DECIDED, GrantStep.AMOUNT_FIXING)).isFalse();
        assertThat(machine.allows(GrantState.REPORTED, GrantStep.AMOUNT_FIXING, GrantState.REFUND_ORDERED)).isTrue();
        assertThat(machine.allows(GrantState.AWAITING_INVOICE, GrantStep.PAYMENT)).isFalse();
        assertThat(machine.allows(GrantState.DECIDED, GrantStep.ADVANCE_PAYMENT)).isTrue();
        assertThat(machine.allows(GrantState.REPORTED, GrantStep.ADVANCE_PAYMENT)).isFalse();
        assertThat(machine.allows(GrantState.PAID, GrantStep.CANCELLATION, GrantState.REFUND_ORDERED)).isTrue();
        assertThat(machine.allows(GrantState.PAID, GrantStep.CANCELLATION, GrantState.CANCELLED)).isFalse();
        assertThat(machine.finalStates()).contains(GrantState.REFUNDED, GrantState.CANCELLED);
        assertThatThrownBy(() -> machine.next(GrantState.REPORTED, GrantStep.AMOUNT_FIXING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyMachineIsDrawnAsAMermaidDiagramWithEveryArrow() {
        for (FormProcedure procedure : PROCEDURES.all()) {
            for (StepMachine<?, ?> machine : procedure.machines()) {
                String diagram = machine.mermaid(Enum::name, Enum::name);
                assertThat(diagram).startsWith("stateDiagram-v2").contains("[*] --> " + machine.initial().name());
                assertThat(diagram.lines().filter(l -> l.contains(" : "))).hasSize(machine.transitions().size());
            }
        }
    }

    // ------------------------------------------------------------------------------------------ forms

    @Test
    void everyFormHasItsProcedureDocumentAndSigners() {
        assertThat(PROCEDURES.all()).hasSize(CollaborationForm.values().length);
        assertThat(PROCEDURES.of(CollaborationForm.SUBSIDY).signers()).isEqualTo(SigningParties.CITY_ALONE);
        assertThat(PROCEDURES.of(CollaborationForm.ENDORSEMENT).signers()).isEqualTo(SigningParties.CITY_ALONE);
        assertThat(PROCEDURES.of(CollaborationForm.COLLABORATIVE_COMMISSION).signers())
                .isEqualTo(SigningParties.ALL_PARTIES);
        assertThat(PROCEDURES.all().stream().filter(p -> !p.evaluated()).map(FormProcedure::form))
                .containsExactly(CollaborationForm.ENDORSEMENT);
        assertThat(PROCEDURES.all().stream().filter(FormProcedure::directApplication).map(FormProcedure::form))
                .containsExactlyInAnyOrder(CollaborationForm.ENDORSEMENT, CollaborationForm.ADOPT_PROGRAM);
        AgreementContent joint = content(CollaborationForm.JOINT_FUNDING, null, 100, 100L);
        assertThat(PROCEDURES.of(CollaborationForm.JOINT_FUNDING).settlesYearlyCosts(joint)).isTrue();
        assertThat(PROCEDURES.of(CollaborationForm.SUBSIDY).settlesYearlyCosts(joint)).isFalse();
    }

    @Test
    void aCommissionIsNotFrozenWithoutItsSpecificationAndDivisionOfRoles() {
        AgreementContent withoutSpec = content(CollaborationForm.COLLABORATIVE_COMMISSION,
                commissionTerms(PaymentTerms.LUMP_SUM, null, null, " "), 1_000_000, null);
        assertThat(fields(readiness(withoutSpec, NOTHING_ATTACHED)))
                .contains("terms.specification", "terms.divisionOfRoles");
        AgreementContent complete = content(CollaborationForm.COLLABORATIVE_COMMISSION,
                commissionTerms(PaymentTerms.ADVANCE_PAYMENT, 30, "業務の内容", "役割分担"), 1_000_000, null);
        assertThat(readiness(complete, (id, c, part) -> new jp.kyodo.agreement.service.WrittenParts()
                .present(id, c, part))).isEmpty();
        // An attached document counts as well as a written part.
        assertThat(fields(readiness(withoutSpec, (id, c, part) -> true))).doesNotContain("terms.specification");
        AgreementContent noTerms = content(CollaborationForm.COLLABORATIVE_COMMISSION,
                commissionTerms(PaymentTerms.ADVANCE_PAYMENT, null, "仕様", "分担"), 0, null);
        assertThat(fields(readiness(noTerms, (id, c, part) -> true)))
                .contains("terms.advanceLimitPercent", "costs.lines");
    }

    @Test
    void aSubsidyApplicationNamesItsProgrammeAndTheSubsidyAppliedFor() {
        AgreementContent unnamed = content(CollaborationForm.SUBSIDY, new SubsidyTerms(CollaborationForm.SUBSIDY, null,
                null), 800_000, null);
        assertThat(fields(readiness(unnamed, NOTHING_ATTACHED)))
                .contains("terms.programName", "costs.declaredCityShareYen");
        assertThat(readiness(subsidy(2027, 800_000, 800_000), NOTHING_ATTACHED)).isEmpty();
        AgreementContent termsOfAnotherForm = content(CollaborationForm.SUBSIDY,
                commissionTerms(PaymentTerms.LUMP_SUM, null, "a", "b"), 800_000, 800_000L);
        assertThat(fields(readiness(termsOfAnotherForm, NOTHING_ATTACHED))).contains("terms.form");
    }

    @Test
    void anEndorsementIsReceivedInTimeAndNeedsNeitherTasksNorTargets() {
        EndorsementProcedure endorsement = PROCEDURES.of(CollaborationForm.ENDORSEMENT, EndorsementProcedure.class);
        LocalDate today = LocalDate.of(2027, 5, 1);
        AgreementContent application = endorsementContent(today.plusDays(30), false);
        assertThat(readiness(application, NOTHING_ATTACHED)).isEmpty();
        assertThat(endorsement.onReceipt(application, today)).isEmpty();
        assertThat(fields(endorsement.onReceipt(endorsementContent(today.plusDays(29), false), today)))
                .containsExactly("terms.firstDay");
        assertThat(endorsement.decisionDue(today)).isEqualTo(LocalDate.of(2027, 5, 15));
        AgreementContent undeclared = content(CollaborationForm.ENDORSEMENT, new EndorsementTerms(
                CollaborationForm.ENDORSEMENT, today, today, "市民会館", true, null, 100, null, false, false), 0, null);
        assertThat(fields(readiness(undeclared, NOTHING_ATTACHED)))
                .contains("terms.feeYen", "terms.politicalPurpose").doesNotContain("tasks", "targets", "approach");
    }

    @Test
    void theExclusionRulesRefusePoliticalReligiousAndCommercialEventsAndIneligibleOrganisers() {
        EndorsementTerms political = endorsementTerms(LocalDate.of(2027, 7, 1), true);
        assertThat(EndorsementExclusions.of(political, OrganizationStatus.VERIFIED))
                .containsExactly(EndorsementExclusions.Exclusion.POLITICAL_PURPOSE);
        assertThat(EndorsementExclusions.of(endorsementTerms(LocalDate.of(2027, 7, 1), false),
                OrganizationStatus.UNVERIFIED)).isEmpty();
        assertThat(EndorsementExclusions.of(endorsementTerms(LocalDate.of(2027, 7, 1), false),
                OrganizationStatus.SUSPENDED)).containsExactly(EndorsementExclusions.Exclusion.ORGANISER_NOT_ELIGIBLE);
        assertThat(EndorsementExclusions.of(endorsementTerms(LocalDate.of(2027, 7, 1), false), null))
                .containsExactly(EndorsementExclusions.Exclusion.ORGANISER_NOT_ELIGIBLE);
    }

    @Test
    void anExecutiveCommitteeNeedsItsRulesAndMoneyFlowsOnlyWithACityBurden() {
        HostedEvent festival = new HostedEvent(UUID.randomUUID(), "市民まつり", LocalDate.of(2027, 10, 12),
                LocalDate.of(2027, 10, 13), "中央公園");
        AgreementContent committee = content(CollaborationForm.CO_HOSTING, new CoHostingTerms(CollaborationForm.CO_HOSTING,
                HostingArrangement.EXECUTIVE_COMMITTEE, "市民まつり実行委員会", null, List.of(festival)), 0, null);
        assertThat(fields(readiness(committee, NOTHING_ATTACHED))).contains("terms.committeeRules");
        assertThat(PROCEDURES.of(CollaborationForm.CO_HOSTING).settlesYearlyCosts(committee)).isFalse();
        AgreementContent withBurden = content(CollaborationForm.CO_HOSTING, committee.terms(), 300_000, null);
        assertThat(CityBurden.agreed(withBurden)).isTrue();
        assertThat(PROCEDURES.of(CollaborationForm.CO_HOSTING).tracksInForce(withBurden, LocalDate.of(2027, 4, 1)))
                .singleElement().satisfies(t -> assertThat(t.dueOn()).isEqualTo(LocalDate.of(2027, 11, 12)));
    }

    @Test
    void reportingPeriodsCutTheTermAndTheLastEndsWithIt() {
        assertThat(ReportSchedule.periods(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 1, 15), 3))
                .extracting(ReportSchedule.Period::end).containsExactly(LocalDate.of(2027, 6, 30),
                        LocalDate.of(2027, 9, 30), LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 15));
    }

    @Test
    void anAdoptGroupIsNamedInPublicOnlyWithItsConsent() {
        AdoptedPlace park = new AdoptedPlace("本町公園", AdoptedPlace.PlaceKind.PARK, "本町1-1", "全域");
        AgreementContent consented = content(CollaborationForm.ADOPT_PROGRAM,
                new AdoptTerms(CollaborationForm.ADOPT_PROGRAM, park, true), 0, null);
        AgreementContent private_ = content(CollaborationForm.ADOPT_PROGRAM,
                new AdoptTerms(CollaborationForm.ADOPT_PROGRAM, park, false), 0, null);
        FormProcedure adopt = PROCEDURES.of(CollaborationForm.ADOPT_PROGRAM);
        Party group = consented.party(NPO).orElseThrow();
        Party city = consented.party(CITY).orElseThrow();
        assertThat(adopt.namesPartyPublicly(consented, group)).isTrue();
        assertThat(adopt.namesPartyPublicly(private_, group)).isFalse();
        assertThat(adopt.namesPartyPublicly(private_, city)).isTrue();
        assertThat(readiness(private_, NOTHING_ATTACHED)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<FieldError> readiness(AgreementContent content, RequiredParts parts) {
        return SignatureReadiness.problems(UUID.randomUUID(), content, PROCEDURES.of(content.form()), parts);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static AgreementContent subsidy(int year, long requested, long declared) {
        return content(CollaborationForm.SUBSIDY, new SubsidyTerms(CollaborationForm.SUBSIDY, "協働事業補助金", "謝金・消耗品"),
                requested, declared);
    }

    private static CommissionTerms commissionTerms(PaymentTerms terms, Integer limit, String spec, String roles) {
        return new CommissionTerms(CollaborationForm.COLLABORATIVE_COMMISSION, terms, limit, spec, roles);
    }

    private static EndorsementTerms endorsementTerms(LocalDate day, boolean political) {
        return new EndorsementTerms(CollaborationForm.ENDORSEMENT, day, day, "市民会館", false, null, 200, political, false,
                false);
    }

    private static AgreementContent endorsementContent(LocalDate day, boolean political) {
        return content(CollaborationForm.ENDORSEMENT, endorsementTerms(day, political), 0, null);
    }

    /** A content complete for the common rules: the city's lines of 2027 are {@code cityYen}, the partner's the same. */
    private static AgreementContent content(CollaborationForm form, FormTerms terms, long cityYen, Long declared) {
        List<CostLine> lines = cityYen == 0 ? List.of()
                : List.of(new CostLine(UUID.randomUUID(), CITY, 2027, "市の負担", cityYen),
                        new CostLine(UUID.randomUUID(), NPO, 2027, "自己負担", cityYen));
        return new AgreementContent("協働事業", form, ActivityArea.C, FieldOfActivity.ENVIRONMENT, "課題", "目的", "進め方",
                "市民", "効果", new Term(LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31)),
                List.of(new Party(CITY, "市民協働推進課", ActorType.CITY_DEPARTMENT, null, null),
                        new Party(NPO, "NPO法人 みどりの会", ActorType.CIVIC_GROUP, null, null)),
                List.of(new Task(UUID.randomUUID(), "実施", NPO, List.of(CITY))),
                new CostPlan(lines.isEmpty() ? null : true, lines, List.of(), declared), List.of(), List.of(), List.of(),
                new Targets(List.of(), List.of(new OutcomeGoal(UUID.randomUUID(), "継続される")), null), List.of(), terms, List.of());
    }
}
