package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.terms.CooperationTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.agreement.domain.content.terms.Goods;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;

/**
 * 事業協力 (PROJECT_COOPERATION). The city and the partner cooperate over a period under a 協定書 both sign; the city
 * lends (貸与, returned by a date) or supplies (支給) goods, and the partner reports its activity every few months.
 * Lent goods must be back and every period reported before the cooperation is completed.
 */
public final class CooperationProcedure extends FormProcedure {

    /** The states of goods lent. */
    public enum GoodsState {
        /** 貸与中 */
        LENT,
        /** 返却済 */
        RETURNED
    }

    /** The step of goods lent. */
    public enum GoodsStep {
        /** 返却 */
        RETURN
    }

    /** The states of the periodic reporting. */
    public enum ReportingState {
        /** 報告期間中 */
        ONGOING,
        /** 全期間報告済 */
        ALL_REPORTED
    }

    /** The step of the periodic reporting. */
    public enum ReportingStep {
        /** 活動報告 */
        ACTIVITY_REPORT
    }

    public static final StepMachine<GoodsState, GoodsStep> GOODS = StepMachine
            .<GoodsState, GoodsStep>startingIn("lent-goods", GoodsState.LENT)
            .step(GoodsStep.RETURN, GoodsState.RETURNED, GoodsState.LENT)
            .build();

    public static final StepMachine<ReportingState, ReportingStep> REPORTING = StepMachine
            .<ReportingState, ReportingStep>startingIn("activity-reports", ReportingState.ONGOING)
            .step(ReportingStep.ACTIVITY_REPORT, ReportingState.ONGOING, ReportingState.ONGOING)
            .step(ReportingStep.ACTIVITY_REPORT, ReportingState.ALL_REPORTED, ReportingState.ONGOING)
            .build();

    public CooperationProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.PROJECT_COOPERATION;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.AGREEMENT_DEED;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return CooperationTerms.class;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        CooperationTerms terms = content.terms(CooperationTerms.class).orElseThrow();
        if (terms.reportIntervalMonths() == null) {
            problems.add(missing("terms.reportIntervalMonths", "State how often the activity is reported.",
                    "活動報告の間隔（月数）を記載してください。"));
        }
        for (int i = 0; i < terms.goods().size(); i++) {
            Goods goods = terms.goods().get(i);
            if (goods.provision() == Goods.Provision.LENT) {
                if (goods.returnBy() == null) {
                    problems.add(missing("terms.goods[" + i + "].returnBy", "Goods lent need a return date.",
                            "貸与物品の返却期限を記載してください。"));
                } else if (goods.returnBy().isBefore(goods.lentOn())) {
                    problems.add(missing("terms.goods[" + i + "].returnBy", "The return cannot precede the loan.",
                            "返却期限が貸与日より前です。"));
                }
            }
        }
        return problems;
    }

    /** A track for each item lent, and the reporting schedule. */
    @Override
    public List<TrackOpening> tracksInForce(AgreementContent content, LocalDate today) {
        CooperationTerms terms = content.terms(CooperationTerms.class).orElseThrow();
        List<TrackOpening> tracks = new ArrayList<>();
        for (Goods goods : terms.goods()) {
            if (goods.provision() == Goods.Provision.LENT) {
                LentGoods data = new LentGoods();
                data.goodsId = goods.goodsId().toString();
                data.item = goods.item();
                data.quantity = goods.quantity();
                data.lentOn = goods.lentOn();
                data.returnBy = goods.returnBy();
                tracks.add(new TrackOpening(TrackKind.GOODS, data.goodsId, GoodsState.LENT, data, GoodsStep.RETURN,
                        ProcedureTrack.Actor.CITY, goods.returnBy()));
            }
        }
        ActivityReports reports = new ActivityReports();
        reports.intervalMonths = terms.reportIntervalMonths();
        ReportSchedule.Period first = ReportSchedule.periods(content.term().start(), content.term().end(),
                terms.reportIntervalMonths()).get(0);
        reports.nextPeriod = first.number();
        reports.nextPeriodStart = first.start();
        reports.nextPeriodEnd = first.end();
        tracks.add(new TrackOpening(TrackKind.ACTIVITY_REPORTS, "reports", ReportingState.ONGOING, reports,
                ReportingStep.ACTIVITY_REPORT, ProcedureTrack.Actor.PARTNER, first.end().plusDays(settings.reportDays())));
        return tracks;
    }

    /** The period after {@code number}, if the term has one. */
    public static Optional<ReportSchedule.Period> periodAfter(AgreementContent content, int number) {
        CooperationTerms terms = content.terms(CooperationTerms.class).orElseThrow();
        return ReportSchedule.periods(content.term().start(), content.term().end(), terms.reportIntervalMonths())
                .stream().filter(p -> p.number() == number + 1).findFirst();
    }

    public LocalDate reportDue(ReportSchedule.Period period) {
        return period.end().plusDays(settings.reportDays());
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.GOODS, TrackKind.ACTIVITY_REPORTS);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(GOODS, REPORTING);
    }
}
