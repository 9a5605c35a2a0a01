package jp.kyodo.agreement.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jp.kyodo.agreement.procedure.ProcedureSettings;

/** The periods of the forms' procedures a city configures (docs/domain-decisions.md gives the reasons of the defaults). */
@ConfigMapping(prefix = "kyodo.procedures")
public interface ProcedureConfig {

    /** An endorsement application is received at least this many days before the event. */
    @WithDefault("30")
    int endorsementLeadDays();

    /** The city decides an endorsement within this many days. */
    @WithDefault("14")
    int endorsementDecisionDays();

    /** Event and periodic activity reports are due this many days after the event or period. */
    @WithDefault("30")
    int reportDays();

    /** The city decides a grant application within this many days (標準処理期間). */
    @WithDefault("30")
    int grantDecisionDays();

    /** A subsidy's results report is due this many days after the year's work ends (and by 10 April). */
    @WithDefault("30")
    int resultsReportDays();

    /** The city fixes a subsidy's amount within this many days of the results report. */
    @WithDefault("20")
    int amountFixingDays();

    /** A commission's completion is inspected within this many days of the report. */
    @WithDefault("10")
    int inspectionDays();

    /** Payment within this many days of a proper invoice. */
    @WithDefault("30")
    int paymentDays();

    /** A refund order is due this many days after it is issued. */
    @WithDefault("20")
    int refundDays();

    /** The department answers an adopt group's request for supplies within this many days. */
    @WithDefault("14")
    int supplyDecisionDays();

    default ProcedureSettings settings() {
        return new ProcedureSettings(endorsementLeadDays(), endorsementDecisionDays(), reportDays(), grantDecisionDays(),
                resultsReportDays(), amountFixingDays(), inspectionDays(), paymentDays(), refundDays(),
                supplyDecisionDays());
    }
}
