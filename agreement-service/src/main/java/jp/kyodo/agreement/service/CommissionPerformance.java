package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.CommissionTerms;
import jp.kyodo.agreement.domain.content.terms.PaymentTerms;
import jp.kyodo.agreement.procedure.ClosingPeriod;
import jp.kyodo.agreement.procedure.CommissionContract;
import jp.kyodo.agreement.procedure.CommissionProcedure;
import jp.kyodo.agreement.procedure.CommissionProcedure.InspectorState;
import jp.kyodo.agreement.procedure.CommissionProcedure.InspectorStep;
import jp.kyodo.agreement.procedure.CommissionProcedure.PerformanceState;
import jp.kyodo.agreement.procedure.CommissionProcedure.PerformanceStep;
import jp.kyodo.agreement.procedure.CommissionYear;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.Yen;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * The steps of a collaborative commission in force: the inspector's appointment, and for each fiscal year the advances
 * the terms allow (前金払・概算払), the completion report (完了報告), the inspection (完了検査) by the appointed
 * inspector, the invoice (請求) and the payment (支払) — never before a passed inspection — or a refund.
 */
@ApplicationScoped
public class CommissionPerformance {

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @Inject
    Procedures procedures;

    @Inject
    DirectoryReadModel directory;

    /** The year a step is taken on, its figures and state before the step. */
    private record Year(ProcedureSteps.Located at, CommissionYear year, PerformanceState state) {
    }

    private Year year(UUID id, IfMatch ifMatch, int fiscalYear, Consumer<AgreementContent> authorise) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.COLLABORATIVE_COMMISSION,
                TrackKind.COMMISSION_YEAR, Integer.toString(fiscalYear), authorise);
        return new Year(at, at.track().data(CommissionYear.class), at.track().state(PerformanceState.class));
    }

    /** The department appoints (or replaces) the inspector, one of the members of a department party. */
    @Transactional
    public ProcedureTrack appointInspector(UUID id, IfMatch ifMatch, UUID actingFor, String inspectorSubject) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.COLLABORATIVE_COMMISSION,
                TrackKind.COMMISSION_CONTRACT, "contract", c -> access.requireDepartmentStaff(c, actingFor));
        AgreementContent content = at.content();
        if (content.departments().stream().noneMatch(d -> directory.isMember(inspectorSubject, d.organizationId()))) {
            throw ProblemException.invalidField("inspectorSubject", "The inspector must be a member of a department "
                    + "party.", "検査員は当事者である所管課の職員から指定してください。");
        }
        ProcedureTrack track = at.track();
        InspectorState from = track.state(InspectorState.class);
        CommissionContract contract = track.data(CommissionContract.class);
        contract.inspectorSubject = inspectorSubject;
        contract.appointedFor = actingFor;
        contract.appointedOn = ProcedureSteps.today();
        track.state = CommissionProcedure.INSPECTOR.next(from, InspectorStep.APPOINT_INSPECTOR).name();
        track.data = TrackData.write(contract);
        track.nothingExpected();
        return steps.record(at.agreement(), content, track, InspectorStep.APPOINT_INSPECTOR, from.name(),
                ProcedureSteps.entered("inspectorSubject", inspectorSubject), actingFor, "commission-inspector-appointed");
    }

    /** 前金払・概算払: a payment before the inspection, within the share of the year's amount the terms allow. */
    @Transactional
    public ProcedureTrack payAdvance(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount,
            LocalDate paidOn) {
        Year y = year(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.ADVANCE_PAYMENT);
        CommissionTerms terms = y.at().content().terms(CommissionTerms.class).orElseThrow();
        if (terms.paymentTerms() == PaymentTerms.LUMP_SUM) {
            throw ProblemException.conflict("The contract is paid in one sum after the passed inspection (一括払).",
                    "この契約は完了検査合格後の一括払です。");
        }
        Yen limit = CommissionProcedure.advanceLimit(terms, y.year().contractAmountYen);
        Yen after = y.year().advancesPaidYen.plus(amount);
        if (after.exceeds(limit)) {
            throw ProblemException.invalidField("amountYen", "Advances would exceed " + limit + " ("
                    + terms.advanceLimitPercent() + "% of the year's amount).",
                    "前金払・概算払の合計が限度額（" + limit + "）を超えます。");
        }
        ClosingPeriod.requirePayable(FiscalYear.of(fiscalYear), paidOn, "paidOn");
        y.year().advancesPaidYen = after;
        return step(y, PerformanceStep.ADVANCE_PAYMENT, PerformanceState.IN_PROGRESS,
                ProcedureSteps.entered("amountYen", amount, "paidOn", paidOn, "budgetYear", fiscalYear), actingFor,
                "commission-advance-paid");
    }

    /** 完了報告: the partner reports the year's work done; the inspection is due within the configured days. */
    @Transactional
    public ProcedureTrack reportCompletion(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor,
            LocalDate completedOn, String summary) {
        Year y = year(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.COMPLETION_REPORT);
        y.year().completedOn = completedOn;
        y.year().reportedOn = ProcedureSteps.today();
        return step(y, PerformanceStep.COMPLETION_REPORT, PerformanceState.REPORTED,
                ProcedureSteps.entered("completedOn", completedOn, "summary", summary), actingFor,
                "commission-completion-reported");
    }

    /**
     * 完了検査 by the appointed inspector: passed (the work is accepted at the contract amount, or for 概算払 at the
     * actual amount, leaving a balance to invoice or a refund), or returned with findings.
     */
    @Transactional
    public ProcedureTrack inspect(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, boolean passed,
            String findings, Yen finalAmount) {
        Year y = year(id, ifMatch, fiscalYear, c -> {
            access.requireDepartmentStaff(c, actingFor);
            String inspector = ProcedureTrack.of(id, TrackKind.COMMISSION_CONTRACT, "contract")
                    .map(t -> t.data(CommissionContract.class).inspectorSubject).orElse(null);
            if (inspector != null && !inspector.equals(access.subject())) {
                throw ProblemException.forbidden("Only the appointed inspector (検査員) inspects.",
                        "完了検査は指定された検査員が行います。");
            }
        });
        if (ProcedureTrack.of(id, TrackKind.COMMISSION_CONTRACT, "contract")
                .map(t -> t.data(CommissionContract.class).inspectorSubject).isEmpty()) {
            throw ProblemException.conflict("No inspector has been appointed yet.", "検査員が指定されていません。");
        }
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.INSPECTION);
        CommissionYear year = y.year();
        if (!passed) {
            if (findings == null || findings.isBlank()) {
                throw ProblemException.invalidField("findings", "A returned report states the findings.",
                        "不合格の場合は指摘事項を記載してください。");
            }
            year.returnedCount++;
            year.lastFindings = findings;
            return step(y, PerformanceStep.INSPECTION, PerformanceState.RETURNED,
                    ProcedureSteps.entered("result", "RETURNED", "findings", findings), actingFor, "commission-inspected");
        }
        CommissionTerms terms = y.at().content().terms(CommissionTerms.class).orElseThrow();
        Yen accepted = year.contractAmountYen;
        if (terms.paymentTerms() == PaymentTerms.ESTIMATED_PAYMENT) {
            if (finalAmount == null) {
                throw ProblemException.invalidField("finalAmountYen", "Under 概算払 the inspection states the amount "
                        + "the work is accepted at.", "概算払の場合は精算額を記載してください。");
            }
            if (finalAmount.exceeds(year.contractAmountYen)) {
                throw ProblemException.invalidField("finalAmountYen", "Exceeds the year's contract amount ("
                        + year.contractAmountYen + ").", "年度の委託料（" + year.contractAmountYen + "）を超えています。");
            }
            accepted = finalAmount;
        } else if (finalAmount != null && !finalAmount.equals(year.contractAmountYen)) {
            throw ProblemException.invalidField("finalAmountYen", "Only a 概算払 contract is accepted at another amount "
                    + "than the contract amount (" + year.contractAmountYen + ").", "概算払以外の契約は委託料で精算します。");
        }
        year.inspectedOn = ProcedureSteps.today();
        year.finalAmountYen = accepted;
        PerformanceState to = switch (year.balance.fix(accepted, year.advancesPaidYen, year.inspectedOn)) {
            case INVOICE -> PerformanceState.AWAITING_INVOICE;
            case REFUND -> PerformanceState.REFUND_ORDERED;
            case SETTLED -> PerformanceState.SETTLED;
        };
        return step(y, PerformanceStep.INSPECTION, to, ProcedureSteps.entered("result", "PASSED", "finalAmountYen",
                accepted), actingFor, "commission-inspected");
    }

    /** 請求: the partner invoices the balance once the inspection passed. */
    @Transactional
    public ProcedureTrack invoice(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, Yen amount) {
        Year y = year(id, ifMatch, fiscalYear, c -> access.requirePartner(c, actingFor));
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.INVOICE);
        y.year().balance.invoice(amount, ProcedureSteps.today());
        return step(y, PerformanceStep.INVOICE, PerformanceState.INVOICED, ProcedureSteps.entered("amountYen", amount),
                actingFor, "commission-invoiced");
    }

    /** 支払: only an invoiced year (so one whose inspection passed) is paid, within the closing period. */
    @Transactional
    public ProcedureTrack pay(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate paidOn) {
        Year y = year(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.PAYMENT);
        y.year().balance.pay(paidOn, FiscalYear.of(fiscalYear));
        return step(y, PerformanceStep.PAYMENT, PerformanceState.PAID, ProcedureSteps.entered("paidOn", paidOn,
                "budgetYear", fiscalYear, "amountYen", y.year().balance.paidYen), actingFor, "commission-paid");
    }

    /** 返還: the department records that an estimate paid beyond the accepted amount came back. */
    @Transactional
    public ProcedureTrack recordRefund(UUID id, IfMatch ifMatch, int fiscalYear, UUID actingFor, LocalDate receivedOn) {
        Year y = year(id, ifMatch, fiscalYear, c -> access.requireDepartmentStaff(c, actingFor));
        CommissionProcedure.COMMISSION_YEAR.require(y.state(), PerformanceStep.REFUND);
        y.year().balance.refunded(receivedOn);
        return step(y, PerformanceStep.REFUND, PerformanceState.REFUNDED, ProcedureSteps.entered("receivedOn",
                receivedOn, "amountYen", y.year().balance.toReturnYen), actingFor, "commission-refunded");
    }

    private ProcedureTrack step(Year y, PerformanceStep step, PerformanceState to, Object entered, UUID actingFor,
            String event) {
        ProcedureTrack track = y.at().track();
        track.state = CommissionProcedure.COMMISSION_YEAR.next(y.state(), step, to).name();
        track.data = TrackData.write(y.year());
        procedures.of(CollaborationForm.COLLABORATIVE_COMMISSION, CommissionProcedure.class).expectNext(track, y.year(),
                y.at().content().term().end());
        return steps.record(y.at().agreement(), y.at().content(), track, step, y.state().name(), entered, actingFor,
                event);
    }
}
