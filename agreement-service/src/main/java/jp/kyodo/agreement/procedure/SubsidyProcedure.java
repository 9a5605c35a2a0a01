package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.SubsidyTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.FieldError;

/**
 * 補助 (SUBSIDY). A version is the partner's application (交付申請): purpose, plan and budget per fiscal year, the
 * departments' cost lines being the subsidy applied for. The city alone decides it: the grant decision (交付決定:
 * amount, rate, cap, conditions, for one fiscal year) brings it into force and opens that year's grant; a refusal
 * (不交付決定) gives reasons. A change of plan (変更申請) or the next fiscal year's application is an amendment, decided
 * the same way (変更承認, or the next year's 交付決定). Each year then runs its own cycle (below).
 */
public final class SubsidyProcedure extends FormProcedure {

    /** The states of a fiscal year's grant. */
    public enum GrantState {
        /** 交付決定済 */
        DECIDED,
        /** 実績報告済 */
        REPORTED,
        /** 額の確定済・請求待ち */
        AWAITING_INVOICE,
        /** 請求済 */
        INVOICED,
        /** 支払済 */
        PAID,
        /** 返還命令 */
        REFUND_ORDERED,
        /** 返還済 */
        REFUNDED,
        /** 精算済（過不足なし） */
        SETTLED,
        /** 交付決定取消 */
        CANCELLED
    }

    /** The steps of a fiscal year's grant. */
    public enum GrantStep {
        /** 変更承認: a change of the decision on an amended application. */
        CHANGE_APPROVAL,
        /** 概算払 */
        ADVANCE_PAYMENT,
        /** 実績報告 */
        RESULTS_REPORT,
        /** 額の確定 */
        AMOUNT_FIXING,
        /** 請求 */
        INVOICE,
        /** 支払 */
        PAYMENT,
        /** 返還 */
        REFUND,
        /** 交付決定の取消 */
        CANCELLATION
    }

    public static final StepMachine<GrantState, GrantStep> GRANT_YEAR = StepMachine
            .<GrantState, GrantStep>startingIn("grant-year", GrantState.DECIDED)
            .step(GrantStep.CHANGE_APPROVAL, GrantState.DECIDED, GrantState.DECIDED)
            .step(GrantStep.ADVANCE_PAYMENT, GrantState.DECIDED, GrantState.DECIDED)
            .step(GrantStep.RESULTS_REPORT, GrantState.REPORTED, GrantState.DECIDED)
            .step(GrantStep.AMOUNT_FIXING, GrantState.AWAITING_INVOICE, GrantState.REPORTED)
            .step(GrantStep.AMOUNT_FIXING, GrantState.REFUND_ORDERED, GrantState.REPORTED)
            .step(GrantStep.AMOUNT_FIXING, GrantState.SETTLED, GrantState.REPORTED)
            .step(GrantStep.INVOICE, GrantState.INVOICED, GrantState.AWAITING_INVOICE)
            .step(GrantStep.PAYMENT, GrantState.PAID, GrantState.INVOICED)
            .step(GrantStep.REFUND, GrantState.REFUNDED, GrantState.REFUND_ORDERED)
            .step(GrantStep.CANCELLATION, GrantState.CANCELLED, GrantState.DECIDED, GrantState.REPORTED,
                    GrantState.AWAITING_INVOICE, GrantState.INVOICED, GrantState.SETTLED)
            .step(GrantStep.CANCELLATION, GrantState.REFUND_ORDERED, GrantState.DECIDED, GrantState.REPORTED,
                    GrantState.AWAITING_INVOICE, GrantState.INVOICED, GrantState.PAID, GrantState.SETTLED)
            .build();

    public SubsidyProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.SUBSIDY;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.GRANT_DECISION_NOTICE;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return SubsidyTerms.class;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        SubsidyTerms terms = content.terms(SubsidyTerms.class).orElseThrow();
        if (blank(terms.programName())) {
            problems.add(missing("terms.programName", "Name the subsidy programme applied to.", "補助金の名称を記載してください。"));
        }
        if (content.costs().declaredCityShareYen() == null) {
            problems.add(missing("costs.declaredCityShareYen", "Name the subsidy applied for (the city's share).",
                    "交付申請額（市の負担額）を明記してください。"));
        }
        if (CostTotals.of(content).cityShareYen() == 0) {
            problems.add(missing("costs.lines", "The department's cost lines are the subsidy applied for; state them.",
                    "所管課の費用（交付申請額）を年度ごとに記載してください。"));
        }
        return problems;
    }

    /**
     * What keeps a grant decision from being made as asked: the year must be one of the application's, the rate at
     * most 1, and the amount within the cap, the subsidy applied for that year and the budgeted cost times the rate.
     * Fields relative to the decision's {@code grant}.
     */
    public static List<FieldError> decisionProblems(AgreementContent application, int fiscalYear, Yen amount,
            SubsidyRate rate, Yen cap) {
        List<FieldError> problems = new ArrayList<>();
        if (!application.term().fiscalYears().contains(fiscalYear)) {
            problems.add(FieldError.of("grant.fiscalYear", "Not a fiscal year of the application's term.",
                    "申請の事業期間の年度ではありません。"));
            return problems;
        }
        if (!rate.isAtMostWhole()) {
            problems.add(FieldError.of("grant.rate", "A subsidy rate is at most 1 (10/10).", "補助率は10/10以下です。"));
            return problems;
        }
        CostTotalsOfYear year = CostTotalsOfYear.of(application, fiscalYear);
        Yen requested = year.cityShare();
        Yen budgeted = year.total();
        if (amount.exceeds(cap)) {
            problems.add(FieldError.of("grant.amountYen", "Exceeds the cap of " + cap + ".", "上限額（" + cap + "）を超えています。"));
        }
        if (amount.exceeds(requested)) {
            problems.add(FieldError.of("grant.amountYen", "Exceeds the subsidy applied for in fiscal year " + fiscalYear
                    + " (" + requested + ").", "交付申請額（" + requested + "）を超えています。"));
        }
        Yen ceiling = AmountFixing.decisionCeiling(budgeted, rate, cap);
        if (amount.exceeds(ceiling)) {
            problems.add(FieldError.of("grant.amountYen", "Exceeds the budgeted cost " + budgeted + " times the rate "
                    + rate + ", rounded down to the thousand yen (" + ceiling + ").",
                    "補助対象経費 " + budgeted + " × 補助率 " + rate + "（千円未満切捨て: " + ceiling + "）を超えています。"));
        }
        return problems;
    }

    /** When the year's results report is due: after its work ends, never after 10 April of the next year. */
    public LocalDate resultsReportDue(int fiscalYear, LocalDate termEnd) {
        return ResultsReportDeadline.dueOn(FiscalYear.of(fiscalYear), termEnd, settings.resultsReportDays());
    }

    /** Who acts next on a year's grant, and by when. */
    public void expectNext(ProcedureTrack track, GrantYear year, LocalDate termEnd) {
        switch (track.state(GrantState.class)) {
            case DECIDED -> track.expect(GrantStep.RESULTS_REPORT, ProcedureTrack.Actor.PARTNER,
                    resultsReportDue(year.fiscalYear, termEnd));
            case REPORTED -> track.expect(GrantStep.AMOUNT_FIXING, ProcedureTrack.Actor.CITY,
                    year.reportedOn.plusDays(settings.amountFixingDays()));
            case AWAITING_INVOICE -> track.expect(GrantStep.INVOICE, ProcedureTrack.Actor.PARTNER, null);
            case INVOICED -> track.expect(GrantStep.PAYMENT, ProcedureTrack.Actor.CITY,
                    year.balance.invoicedOn.plusDays(settings.paymentDays()));
            case REFUND_ORDERED -> track.expect(GrantStep.REFUND, ProcedureTrack.Actor.PARTNER,
                    year.balance.refundOrderedOn.plusDays(settings.refundDays()));
            default -> track.nothingExpected();
        }
    }

    @Override
    public LocalDate decisionDue(LocalDate receivedOn) {
        return receivedOn.plusDays(settings.grantDecisionDays());
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.GRANT_YEAR);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(GRANT_YEAR);
    }
}
