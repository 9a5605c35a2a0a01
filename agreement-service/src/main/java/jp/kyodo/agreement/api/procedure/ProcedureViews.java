package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.CityBurden;
import jp.kyodo.agreement.procedure.CommissionContract;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.agreement.service.CityDecisions;
import jp.kyodo.agreement.service.ProcedureSteps;
import jp.kyodo.kernel.FiscalYear;

/** Builds a collaboration's procedure view in its form's shape. */
@ApplicationScoped
public class ProcedureViews {

    @Inject
    Procedures procedures;

    @Inject
    CityDecisions decisions;

    public ProcedureView of(Agreement agreement) {
        AgreementContent content = Agreements.current(agreement);
        FormProcedure procedure = procedures.of(content.form());
        List<ProcedureTrack> tracks = ProcedureTrack.allOf(agreement.id);
        LocalDate today = ProcedureSteps.today();
        ProcedureLifecycle lifecycle = new ProcedureLifecycle(agreement.id, agreement.state, agreement.stateLabel(),
                procedure.versionDocument(), procedure.signers(), procedure.evaluated(), procedure.directApplication(),
                decisionDue(agreement, procedure),
                tracks.stream().map(t -> TrackViews.Expected.of(t, today)).filter(e -> e != null)
                        .sorted(Comparator.comparing(TrackViews.Expected::dueOn,
                                Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList());
        return switch (content.form()) {
            case AGREEMENT -> new ProcedureView.AgreementProcedure(content.form(), lifecycle);
            case JOINT_FUNDING -> new ProcedureView.JointFundingProcedure(content.form(), lifecycle);
            case COLLABORATIVE_COMMISSION -> new ProcedureView.CommissionProcedure(content.form(), lifecycle,
                    of(tracks, TrackKind.COMMISSION_CONTRACT).stream().findFirst()
                            .map(t -> t.data(CommissionContract.class).inspectorSubject).orElse(null),
                    of(tracks, TrackKind.COMMISSION_YEAR).stream().map(t -> CommissionYearView.of(t, today)).toList());
            case SUBSIDY -> new ProcedureView.SubsidyProcedure(content.form(), lifecycle,
                    of(tracks, TrackKind.GRANT_YEAR).stream().map(t -> GrantYearView.of(t, today)).toList());
            case ENDORSEMENT -> new ProcedureView.EndorsementProcedure(content.form(), lifecycle,
                    of(tracks, TrackKind.ENDORSED_EVENT).stream().findFirst()
                            .map(t -> EndorsementView.of(t, decisions.exclusions(content), today)).orElse(null));
            case CO_HOSTING -> new ProcedureView.CoHostingProcedure(content.form(), lifecycle, CityBurden.agreed(content),
                    of(tracks, TrackKind.HOSTED_EVENT).stream().map(t -> HostedEventView.of(t, today)).toList());
            case PROJECT_COOPERATION -> new ProcedureView.CooperationProcedure(content.form(), lifecycle,
                    of(tracks, TrackKind.GOODS).stream().map(t -> LentGoodsView.of(t, today)).toList(),
                    reports(tracks));
            case ADOPT_PROGRAM -> new ProcedureView.AdoptProcedure(content.form(), lifecycle,
                    of(tracks, TrackKind.SUPPLY_REQUEST).stream().sorted(Comparator.comparing(t -> t.createdAt))
                            .map(t -> SupplyRequestView.of(t, today)).toList(),
                    reports(tracks));
        };
    }

    private static List<ProcedureTrack> of(List<ProcedureTrack> tracks, TrackKind kind) {
        return tracks.stream().filter(t -> t.kind == kind).toList();
    }

    private static List<ActivityReportView> reports(List<ProcedureTrack> tracks) {
        return of(tracks, TrackKind.ACTIVITY_REPORTS).stream().flatMap(t -> ActivityReportView.of(t).stream()).toList();
    }

    /** For a version awaiting the city's decision, the day its decision is due. */
    private static LocalDate decisionDue(Agreement agreement, FormProcedure procedure) {
        if (!procedure.decidedByCity() || !agreement.isAwaitingSignatures() || agreement.pendingVersion == null) {
            return null;
        }
        LocalDate received = AgreementVersion.of(agreement.id, agreement.pendingVersion)
                .map(v -> v.frozenAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate()).orElse(null);
        if (received == null) {
            return null;
        }
        return procedure.decisionDue(received);
    }
}
