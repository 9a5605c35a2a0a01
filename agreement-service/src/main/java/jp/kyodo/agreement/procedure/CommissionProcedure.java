package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.CommissionTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.PaymentTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.FieldError;

/**
 * 協働型委託 (COLLABORATIVE_COMMISSION). A version is the commission contract (委託契約書) both sides sign; it cannot be
 * frozen without the specification (仕様書) and the division of roles (役割分担書), nor without its amount (the
 * departments' cost lines) and payment terms. In force, each fiscal year with an amount runs its own cycle: completion
 * report (完了報告) → inspection by the appointed inspector (検査員) within the configured days, passed or returned
 * with findings → invoice (請求) → payment (支払) within the configured days of a proper invoice. Nothing but the
 * advances the terms allow is paid before a passed inspection.
 */
public final class CommissionProcedure extends FormProcedure {

    /** The states of a fiscal year of a commission. */
    public enum PerformanceState {
        /** 履行中 */
        IN_PROGRESS,
        /** 完了報告済・検査待ち */
        REPORTED,
        /** 差戻し（検査不合格） */
        RETURNED,
        /** 検査合格・請求待ち */
        AWAITING_INVOICE,
        /** 請求受理 */
        INVOICED,
        /** 支払済 */
        PAID,
        /** 返還命令（概算払の超過分） */
        REFUND_ORDERED,
        /** 返還済 */
        REFUNDED,
        /** 精算済（過不足なし） */
        SETTLED
    }

    /** The steps of a fiscal year of a commission. */
    public enum PerformanceStep {
        /** 前金払・概算払 */
        ADVANCE_PAYMENT,
        /** 完了報告 */
        COMPLETION_REPORT,
        /** 完了検査 */
        INSPECTION,
        /** 請求 */
        INVOICE,
        /** 支払 */
        PAYMENT,
        /** 返還 */
        REFUND
    }

    public static final StepMachine<PerformanceState, PerformanceStep> COMMISSION_YEAR = StepMachine
            .<PerformanceState, PerformanceStep>startingIn("commission-year", PerformanceState.IN_PROGRESS)
            .step(PerformanceStep.ADVANCE_PAYMENT, PerformanceState.IN_PROGRESS, PerformanceState.IN_PROGRESS)
            .step(PerformanceStep.COMPLETION_REPORT, PerformanceState.REPORTED, PerformanceState.IN_PROGRESS,
                    PerformanceState.RETURNED)
            .step(PerformanceStep.INSPECTION, PerformanceState.RETURNED, PerformanceState.REPORTED)
            .step(PerformanceStep.INSPECTION, PerformanceState.AWAITING_INVOICE, PerformanceState.REPORTED)
            .step(PerformanceStep.INSPECTION, PerformanceState.SETTLED, PerformanceState.REPORTED)
            .step(PerformanceStep.INSPECTION, PerformanceState.REFUND_ORDERED, PerformanceState.REPORTED)
            .step(PerformanceStep.INVOICE, PerformanceState.INVOICED, PerformanceState.AWAITING_INVOICE)
            .step(PerformanceStep.PAYMENT, PerformanceState.PAID, PerformanceState.INVOICED)
            .step(PerformanceStep.REFUND, PerformanceState.REFUNDED, PerformanceState.REFUND_ORDERED)
            .build();

    public CommissionProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.COLLABORATIVE_COMMISSION;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.COMMISSION_CONTRACT;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return CommissionTerms.class;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        CommissionTerms terms = content.terms(CommissionTerms.class).orElseThrow();
        for (RequiredPart part : List.of(RequiredPart.SPECIFICATION, RequiredPart.DIVISION_OF_ROLES)) {
            if (!parts.present(agreementId, content, part)) {
                problems.add(missing(part.field(), "A commission needs its " + part.name().toLowerCase().replace('_', ' ')
                        + " (" + part.japanese() + ") before it is frozen.", part.japanese() + "が必要です。"));
            }
        }
        if (terms.paymentTerms() == null) {
            problems.add(missing("terms.paymentTerms", "State how the commission is paid.", "支払方法を記載してください。"));
        } else if (terms.paymentTerms() != PaymentTerms.LUMP_SUM && terms.advanceLimitPercent() == null) {
            problems.add(missing("terms.advanceLimitPercent", "State how much may be paid before the inspection.",
                    "前金払・概算払の限度（割合）を記載してください。"));
        }
        if (CostTotals.of(content).cityShareYen() == 0) {
            problems.add(missing("costs.lines", "The contract amount is the department's cost lines; state them.",
                    "委託料（所管課の費用）を年度ごとに記載してください。"));
        }
        return problems;
    }

    /** A year of performance for every fiscal year with a contract amount. */
    @Override
    public List<TrackOpening> tracksInForce(AgreementContent content, LocalDate today) {
        CostTotals totals = CostTotals.of(content);
        List<TrackOpening> tracks = new ArrayList<>();
        tracks.add(new TrackOpening(TrackKind.COMMISSION_CONTRACT, "contract", InspectorState.UNAPPOINTED,
                new CommissionContract(), InspectorStep.APPOINT_INSPECTOR, ProcedureTrack.Actor.CITY, null));
        for (int year : content.term().fiscalYears()) {
            long amount = totals.cityShareIn(year);
            if (amount > 0) {
                CommissionYear data = new CommissionYear();
                data.fiscalYear = year;
                data.contractAmountYen = Yen.of(amount);
                tracks.add(new TrackOpening(TrackKind.COMMISSION_YEAR, Integer.toString(year),
                        PerformanceState.IN_PROGRESS, data, PerformanceStep.COMPLETION_REPORT,
                        ProcedureTrack.Actor.PARTNER, workEnds(year, content.term().end())));
            }
        }
        return tracks;
    }

    /** Whether an inspector has been appointed. */
    public enum InspectorState {
        UNAPPOINTED, APPOINTED
    }

    /** Appointing (or replacing) the inspector. */
    public enum InspectorStep {
        APPOINT_INSPECTOR
    }

    public static final StepMachine<InspectorState, InspectorStep> INSPECTOR = StepMachine
            .<InspectorState, InspectorStep>startingIn("commission-inspector", InspectorState.UNAPPOINTED)
            .step(InspectorStep.APPOINT_INSPECTOR, InspectorState.APPOINTED, InspectorState.UNAPPOINTED,
                    InspectorState.APPOINTED)
            .build();

    /** The most that may be paid for the year before its passed inspection, under the contract's terms. */
    public static Yen advanceLimit(CommissionTerms terms, Yen contractAmount) {
        if (terms.paymentTerms() == null || terms.paymentTerms() == PaymentTerms.LUMP_SUM
                || terms.advanceLimitPercent() == null) {
            return Yen.ZERO;
        }
        return Yen.of(Math.multiplyExact(contractAmount.amount(), (long) terms.advanceLimitPercent()) / 100);
    }

    /** Who acts next on a year of performance, and by when. */
    public void expectNext(ProcedureTrack track, CommissionYear year, LocalDate termEnd) {
        switch (track.state(PerformanceState.class)) {
            case IN_PROGRESS, RETURNED -> track.expect(PerformanceStep.COMPLETION_REPORT, ProcedureTrack.Actor.PARTNER,
                    workEnds(year.fiscalYear, termEnd));
            case REPORTED -> track.expect(PerformanceStep.INSPECTION, ProcedureTrack.Actor.INSPECTOR,
                    year.reportedOn.plusDays(settings.inspectionDays()));
            case AWAITING_INVOICE -> track.expect(PerformanceStep.INVOICE, ProcedureTrack.Actor.PARTNER, null);
            case INVOICED -> track.expect(PerformanceStep.PAYMENT, ProcedureTrack.Actor.CITY,
                    year.balance.invoicedOn.plusDays(settings.paymentDays()));
            case REFUND_ORDERED -> track.expect(PerformanceStep.REFUND, ProcedureTrack.Actor.PARTNER,
                    year.balance.refundOrderedOn.plusDays(settings.refundDays()));
            default -> track.nothingExpected();
        }
    }

    /** The year's work ends with the fiscal year or the term, whichever is first. */
    private static LocalDate workEnds(int fiscalYear, LocalDate termEnd) {
        LocalDate yearEnd = FiscalYear.of(fiscalYear).lastDay();
        return termEnd.isBefore(yearEnd) ? termEnd : yearEnd;
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.COMMISSION_YEAR);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(COMMISSION_YEAR, INSPECTOR);
    }
}
