package jp.kyodo.agreement.procedure;

/**
 * The periods a city sets for its procedures (configurable under {@code kyodo.procedures.*}; the defaults are common
 * municipal practice, see docs/domain-decisions.md).
 *
 * @param endorsementLeadDays      an endorsement application is received at least this many days before the event
 * @param endorsementDecisionDays  the city decides an endorsement within this many days of receiving it
 * @param reportDays          a report after an event or a reporting period is due this many days after it ends
 * @param grantDecisionDays        the city decides a grant application within this many days (標準処理期間)
 * @param resultsReportDays        a subsidy's results report is due this many days after the year's work ends
 *                                 (and never after 10 April of the next fiscal year)
 * @param amountFixingDays         the city fixes a subsidy's amount within this many days of the results report
 * @param inspectionDays           a commission's completion is inspected within this many days of the report
 * @param paymentDays              payment within this many days of a proper invoice
 * @param refundDays               a refund order is due this many days after it is issued
 * @param supplyDecisionDays       the department answers a request for supplies within this many days
 */
public record ProcedureSettings(int endorsementLeadDays, int endorsementDecisionDays, int reportDays,
        int grantDecisionDays, int resultsReportDays, int amountFixingDays, int inspectionDays, int paymentDays,
        int refundDays, int supplyDecisionDays) {

    /** The defaults the service ships with. */
    public static ProcedureSettings defaults() {
        return new ProcedureSettings(30, 14, 30, 30, 30, 20, 10, 30, 20, 14);
    }
}
