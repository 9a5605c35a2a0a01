package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.events.AgreementCostReportFiled;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementSettlementRecorded;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * Actual-cost reports (実績報告) and settlements (精算) of the forms whose procedure settles costs yearly (協働負担金, and
 * 共催 when the city bears costs): after a fiscal year the partner reports what it actually spent, and the department
 * settles what the city pays or gets back.
 */
@ApplicationScoped
public class CostSettlements {

    /** One reported line. */
    public record ReportedLine(String item, long actualYen, String note) {
    }

    @Inject
    AgreementAccess access;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper mapper;

    @Inject
    Procedures procedures;

    @Transactional
    public CostReport fileReport(UUID id, UUID actingFor, int fiscalYear, List<ReportedLine> lines) {
        Agreement agreement = Agreements.lock(id);
        // The caller before the state and the form: a stranger learns neither.
        Party party = access.requirePartyMember(agreement, actingFor);
        if (party.isCityDepartment()) {
            throw ProblemException.forbidden("The partner files the actual-cost report, not the department.",
                    "実績報告は協働相手が提出します。");
        }
        AgreementContent content = settledContent(agreement);
        access.requirePartyMember(content, actingFor);
        requireFiscalYearOfTerm(content, fiscalYear);
        boolean ended = agreement.state == AgreementState.COMPLETED || agreement.state == AgreementState.TERMINATED;
        if (!ended && !LocalDate.now(FiscalYear.CITY_ZONE).isAfter(FiscalYear.of(fiscalYear).lastDay())) {
            throw ProblemException.conflict("Fiscal year " + fiscalYear + " is not over yet.",
                    FiscalYear.of(fiscalYear).eraName() + "はまだ終了していません。");
        }
        if (CostReport.of(id, actingFor, fiscalYear).isPresent()) {
            throw ProblemException.conflict("The report for this fiscal year was already filed.", "この年度の実績報告は提出済みです。");
        }
        CostReport report = new CostReport();
        report.id = UUID.randomUUID();
        report.agreementId = id;
        report.organizationId = actingFor;
        report.fiscalYear = fiscalYear;
        report.lines = json(lines);
        report.plannedTotalYen = CostTotals.of(content).perPartyAndYear().getOrDefault(actingFor, Map.of())
                .getOrDefault(fiscalYear, 0L);
        report.actualTotalYen = lines.stream().mapToLong(ReportedLine::actualYen).reduce(0, Math::addExact);
        report.filedBy = access.subject();
        report.filedAt = OffsetDateTime.now(ZoneOffset.UTC);
        report.persist();
        agreement.progressRecorded();
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "cost-report-filed").actingFor(actingFor)
                .details(Map.of("fiscalYear", fiscalYear, "actualTotalYen", report.actualTotalYen)));
        events.costReportFiled(new AgreementCostReportFiled(id, agreement.version, actingFor, fiscalYear,
                report.plannedTotalYen, report.actualTotalYen, report.filedAt.toInstant()));
        return report;
    }

    @Transactional
    public Settlement recordSettlement(UUID id, UUID actingFor, UUID partner, int fiscalYear, long confirmed,
            long alreadyPaid, String note) {
        Agreement agreement = Agreements.lock(id);
        access.requireDepartmentStaff(Agreements.current(agreement), actingFor);
        AgreementContent content = settledContent(agreement);
        access.requireDepartmentStaff(content, actingFor);
        CostReport report = CostReport.of(id, partner, fiscalYear).orElseThrow(() -> ProblemException.conflict(
                "The partner has not filed the actual-cost report for this fiscal year.", "この年度の実績報告が未提出です。"));
        if (Settlement.count("agreementId = ?1 and organizationId = ?2 and fiscalYear = ?3", id, partner,
                fiscalYear) > 0) {
            throw ProblemException.conflict("This fiscal year is already settled.", "この年度は精算済みです。");
        }
        long cityShare = CostTotals.of(content).cityShareIn(fiscalYear);
        if (confirmed > cityShare) {
            throw ProblemException.invalidField("confirmedAmountYen",
                    "Exceeds the city's share of " + cityShare + " yen for the year.",
                    "その年度の市の負担額（" + cityShare + "円）を超えています。");
        }
        if (confirmed > report.actualTotalYen) {
            throw ProblemException.invalidField("confirmedAmountYen",
                    "Exceeds the actual costs reported (" + report.actualTotalYen + " yen).",
                    "実績報告の支出額（" + report.actualTotalYen + "円）を超えています。");
        }
        Settlement settlement = new Settlement();
        settlement.id = UUID.randomUUID();
        settlement.agreementId = id;
        settlement.organizationId = partner;
        settlement.fiscalYear = fiscalYear;
        settlement.settle(confirmed, alreadyPaid);
        settlement.note = note;
        settlement.recordedBy = access.subject();
        settlement.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        settlement.persist();
        agreement.progressRecorded();
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "settlement-recorded").actingFor(actingFor)
                .details(Map.of("organizationId", partner.toString(), "fiscalYear", fiscalYear, "toPayYen",
                        settlement.toPayYen, "toReturnYen", settlement.toReturnYen)));
        events.settlementRecorded(new AgreementSettlementRecorded(id, agreement.version, partner, fiscalYear,
                report.plannedTotalYen, report.actualTotalYen, confirmed, alreadyPaid, settlement.toPayYen,
                settlement.toReturnYen));
        return settlement;
    }

    private AgreementContent settledContent(Agreement agreement) {
        if (agreement.versionInForce == null) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "SETTLEMENT", agreement.allowedTransitions());
        }
        AgreementContent content = Agreements.inForce(agreement);
        if (!procedures.of(content.form()).settlesYearlyCosts(content)) {
            throw new ProblemException(ProcedureProblems.FORM_WITHOUT_STEP, LocalizedText.of(
                    content.form() + " has no yearly actual-cost report or settlement (a subsidy and a commission have"
                            + " their own steps; a co-hosting only when the city bears costs).",
                    "この形態（" + content.form().japanese() + "）では年度ごとの実績報告・精算を行いません。"));
        }
        return content;
    }

    private static void requireFiscalYearOfTerm(AgreementContent content, int fiscalYear) {
        if (!content.term().fiscalYears().contains(fiscalYear)) {
            throw ProblemException.invalidField("fiscalYear", "Not a fiscal year of the term.", "協定期間内の年度ではありません。");
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
