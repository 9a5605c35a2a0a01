package jp.kyodo.agreement.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.ActivityReports;
import jp.kyodo.agreement.procedure.AdoptProcedure;
import jp.kyodo.agreement.procedure.AdoptProcedure.SupplyState;
import jp.kyodo.agreement.procedure.AdoptProcedure.SupplyStep;
import jp.kyodo.agreement.procedure.CooperationProcedure;
import jp.kyodo.agreement.procedure.CooperationProcedure.GoodsState;
import jp.kyodo.agreement.procedure.CooperationProcedure.GoodsStep;
import jp.kyodo.agreement.procedure.CooperationProcedure.ReportingState;
import jp.kyodo.agreement.procedure.CooperationProcedure.ReportingStep;
import jp.kyodo.agreement.procedure.LentGoods;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.SupplyRequest;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.procedure.TrackOpening;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * The steps of a project cooperation (goods returned, periodic activity reports) and of an adopt programme (requests
 * for supplies and the department's answer, a report after each activity).
 */
@ApplicationScoped
public class CooperationAndAdoption {

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureSteps steps;

    @Inject
    Procedures procedures;

    /** 返却: the department records goods lent coming back. */
    @Transactional
    public ProcedureTrack returnGoods(UUID id, IfMatch ifMatch, UUID goodsId, UUID actingFor, LocalDate returnedOn,
            String condition) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.PROJECT_COOPERATION, TrackKind.GOODS,
                goodsId.toString(), c -> access.requireDepartmentStaff(c, actingFor));
        ProcedureTrack track = at.track();
        GoodsState from = track.state(GoodsState.class);
        CooperationProcedure.GOODS.require(from, GoodsStep.RETURN);
        LentGoods goods = track.data(LentGoods.class);
        if (returnedOn.isBefore(goods.lentOn)) {
            throw ProblemException.invalidField("returnedOn", "Goods cannot come back before they were lent ("
                    + goods.lentOn + ").", "返却日が貸与日（" + goods.lentOn + "）より前です。");
        }
        goods.returnedOn = returnedOn;
        goods.condition = condition;
        track.state = CooperationProcedure.GOODS.next(from, GoodsStep.RETURN).name();
        track.data = TrackData.write(goods);
        track.nothingExpected();
        return steps.record(at.agreement(), at.content(), track, GoodsStep.RETURN, from.name(),
                ProcedureSteps.entered("returnedOn", returnedOn, "condition", condition), actingFor, "goods-returned");
    }

    /** A project cooperation's report on its next reporting period. */
    @Transactional
    public ProcedureTrack reportPeriod(UUID id, UUID actingFor, String summary) {
        Reporting r = reporting(id, actingFor, CollaborationForm.PROJECT_COOPERATION);
        ReportingState from = r.track().state(ReportingState.class);
        CooperationProcedure.REPORTING.require(from, ReportingStep.ACTIVITY_REPORT);
        ActivityReports reports = r.track().data(ActivityReports.class);
        var entry = ProcedureSteps.entered("period", reports.nextPeriod, "periodStart", reports.nextPeriodStart,
                "periodEnd", reports.nextPeriodEnd, "summary", summary);
        reports.filed++;
        ReportingState to = ReportingState.ALL_REPORTED;
        var next = CooperationProcedure.periodAfter(r.content(), reports.nextPeriod);
        if (next.isPresent()) {
            to = ReportingState.ONGOING;
            reports.nextPeriod = next.get().number();
            reports.nextPeriodStart = next.get().start();
            reports.nextPeriodEnd = next.get().end();
            r.track().expect(ReportingStep.ACTIVITY_REPORT, ProcedureTrack.Actor.PARTNER,
                    procedures.of(CollaborationForm.PROJECT_COOPERATION, CooperationProcedure.class)
                            .reportDue(next.get()));
        } else {
            reports.nextPeriod = null;
            reports.nextPeriodStart = null;
            reports.nextPeriodEnd = null;
            r.track().nothingExpected();
        }
        r.track().state = CooperationProcedure.REPORTING.next(from, ReportingStep.ACTIVITY_REPORT, to).name();
        r.track().data = TrackData.write(reports);
        return steps.record(r.agreement(), r.content(), r.track(), ReportingStep.ACTIVITY_REPORT, from.name(), entry,
                actingFor, "activity-reported");
    }

    /** An adopt group's report of one activity (day, participants, work done, waste collected). */
    @Transactional
    public ProcedureTrack reportActivity(UUID id, UUID actingFor, LocalDate activityOn, int participants,
            String workDone, BigDecimal wasteCollectedKg, String summary) {
        Reporting r = reporting(id, actingFor, CollaborationForm.ADOPT_PROGRAM);
        if (activityOn.isAfter(ProcedureSteps.today())) {
            throw ProblemException.invalidField("activityOn", "An activity is reported after it took place.",
                    "活動日が未来の日付です。");
        }
        ReportingState from = r.track().state(ReportingState.class);
        ActivityReports reports = r.track().data(ActivityReports.class);
        var entry = ProcedureSteps.entered("activityOn", activityOn, "participants", participants, "workDone", workDone,
                "wasteCollectedKg", wasteCollectedKg, "summary", summary);
        reports.filed++;
        reports.lastActivityOn = reports.lastActivityOn == null || activityOn.isAfter(reports.lastActivityOn)
                ? activityOn : reports.lastActivityOn;
        r.track().data = TrackData.write(reports);
        return steps.record(r.agreement(), r.content(), r.track(), ReportingStep.ACTIVITY_REPORT, from.name(), entry,
                actingFor, "activity-reported");
    }

    private record Reporting(Agreement agreement, AgreementContent content, ProcedureTrack track) {
    }

    private Reporting reporting(UUID id, UUID actingFor, CollaborationForm form) {
        Agreement agreement = Agreements.lock(id);
        access.requirePartner(Agreements.current(agreement), actingFor);
        AgreementContent content = Agreements.inForce(agreement);
        ProcedureProblems.requireForm(content, form);
        requireActive(agreement);
        return new Reporting(agreement, content, steps.track(agreement, TrackKind.ACTIVITY_REPORTS, "reports"));
    }

    /** A request for supplies (清掃用具・ごみ袋 …) by the adopt group; the department's answer is due. */
    @Transactional
    public ProcedureTrack requestSupplies(UUID id, UUID actingFor, List<SupplyRequest.Item> items, LocalDate neededBy,
            String note) {
        Agreement agreement = Agreements.lock(id);
        access.requirePartner(Agreements.current(agreement), actingFor);
        AgreementContent content = Agreements.inForce(agreement);
        ProcedureProblems.requireForm(content, CollaborationForm.ADOPT_PROGRAM);
        requireActive(agreement);
        if (neededBy != null && (neededBy.isBefore(ProcedureSteps.today()) || neededBy.isAfter(content.term().end()))) {
            throw ProblemException.invalidField("neededBy", "A day from today to the end of the adoption's term ("
                    + content.term().end() + ").", "本日から協定期間の末日（" + content.term().end() + "）までの日付を指定してください。");
        }
        SupplyRequest request = new SupplyRequest();
        request.requestId = UUID.randomUUID().toString();
        request.items = items;
        request.requestedOn = ProcedureSteps.today();
        request.neededBy = neededBy;
        request.note = note;
        TrackOpening opening = procedures.of(CollaborationForm.ADOPT_PROGRAM, AdoptProcedure.class)
                .supplyRequested(request);
        ProcedureTrack track = ProcedureTrack.open(agreement.id, opening.kind(), opening.key(), opening.state(), request);
        track.expect(opening.nextStep(), opening.actor(), opening.dueOn());
        return steps.record(agreement, content, track, SupplyRequestStep.REQUEST, null,
                ProcedureSteps.entered("items", items, "neededBy", neededBy, "note", note), actingFor,
                "supplies-requested");
    }

    /** Filing a request for supplies, the step that opens it. */
    enum SupplyRequestStep {
        REQUEST
    }

    /** The department approves (支給) or declines a request for supplies. */
    @Transactional
    public ProcedureTrack decideSupplies(UUID id, IfMatch ifMatch, UUID requestId, UUID actingFor, boolean approved,
            String answer) {
        ProcedureSteps.Located at = steps.locate(id, ifMatch, CollaborationForm.ADOPT_PROGRAM, TrackKind.SUPPLY_REQUEST,
                requestId.toString(), c -> access.requireDepartmentStaff(c, actingFor));
        ProcedureTrack track = at.track();
        SupplyState from = track.state(SupplyState.class);
        SupplyStep step = approved ? SupplyStep.APPROVAL : SupplyStep.DECLINE;
        AdoptProcedure.SUPPLY_REQUEST.require(from, step);
        SupplyRequest request = track.data(SupplyRequest.class);
        request.decidedOn = ProcedureSteps.today();
        request.answer = answer;
        track.state = AdoptProcedure.SUPPLY_REQUEST.next(from, step).name();
        track.data = TrackData.write(request);
        track.nothingExpected();
        return steps.record(at.agreement(), at.content(), track, step, from.name(),
                ProcedureSteps.entered("approved", approved, "answer", answer), actingFor, "supplies-decided");
    }

    private static void requireActive(Agreement agreement) {
        if (agreement.state != AgreementState.ACTIVE) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "ACTIVITY", agreement.allowedTransitions());
        }
    }
}
