package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jp.kyodo.agreement.document.DocumentKind;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.terms.AdoptTerms;
import jp.kyodo.agreement.domain.content.terms.FormTerms;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.problem.FieldError;

/**
 * アダプト制度 (ADOPT_PROGRAM). A volunteer group registers for a public place (directly, or after a proposal); the
 * group and the department sign a 合意書. In force, the group requests supplies (清掃用具・ごみ袋 …), which the
 * department approves or declines within the configured days, and reports each activity (date, participants, work
 * done, waste collected). The register of adopted places is public; the group's name only with its consent.
 */
public final class AdoptProcedure extends FormProcedure {

    /** The states of a request for supplies. */
    public enum SupplyState {
        /** 申請中 */
        REQUESTED,
        /** 支給決定 */
        APPROVED,
        /** 不支給 */
        DECLINED
    }

    /** The steps of a request for supplies. */
    public enum SupplyStep {
        /** 支給決定 */
        APPROVAL,
        /** 不支給の決定 */
        DECLINE
    }

    public static final StepMachine<SupplyState, SupplyStep> SUPPLY_REQUEST = StepMachine
            .<SupplyState, SupplyStep>startingIn("supply-request", SupplyState.REQUESTED)
            .step(SupplyStep.APPROVAL, SupplyState.APPROVED, SupplyState.REQUESTED)
            .step(SupplyStep.DECLINE, SupplyState.DECLINED, SupplyState.REQUESTED)
            .build();

    public AdoptProcedure(ProcedureSettings settings) {
        super(settings);
    }

    @Override
    public CollaborationForm form() {
        return CollaborationForm.ADOPT_PROGRAM;
    }

    @Override
    public DocumentKind versionDocument() {
        return DocumentKind.ADOPT_AGREEMENT;
    }

    @Override
    public Class<? extends FormTerms> termsShape() {
        return AdoptTerms.class;
    }

    @Override
    public boolean directApplication() {
        return true;
    }

    @Override
    protected List<FieldError> ownRequirements(UUID agreementId, AgreementContent content, RequiredParts parts) {
        List<FieldError> problems = new ArrayList<>();
        AdoptTerms terms = content.terms(AdoptTerms.class).orElseThrow();
        if (terms.place() == null) {
            problems.add(missing("terms.place", "Name the public place adopted.", "対象の公共空間を記載してください。"));
        }
        if (terms.groupNamePublic() == null) {
            problems.add(missing("terms.groupNamePublic", "The group must say whether its name may be published.",
                    "団体名の公表に同意するかを記載してください。"));
        }
        return problems;
    }

    /** The group's activity reports, one after each activity (no schedule, nothing overdue). */
    @Override
    public List<TrackOpening> tracksInForce(AgreementContent content, LocalDate today) {
        return List.of(new TrackOpening(TrackKind.ACTIVITY_REPORTS, "reports", CooperationProcedure.ReportingState.ONGOING,
                new ActivityReports(), null, null, null));
    }

    /** A request for supplies opens its own track, the department's answer due. */
    public TrackOpening supplyRequested(SupplyRequest request) {
        return new TrackOpening(TrackKind.SUPPLY_REQUEST, request.requestId, SupplyState.REQUESTED, request,
                SupplyStep.APPROVAL, ProcedureTrack.Actor.CITY, request.requestedOn.plusDays(settings.supplyDecisionDays()));
    }

    /** A group's name is public only with its consent: the name of a small residents' group can identify people. */
    @Override
    public boolean namesPartyPublicly(AgreementContent content, Party party) {
        return party.isCityDepartment()
                || content.terms(AdoptTerms.class).map(t -> Boolean.TRUE.equals(t.groupNamePublic())).orElse(false);
    }

    @Override
    protected Set<TrackKind> closeBeforeCompletion() {
        return Set.of(TrackKind.SUPPLY_REQUEST);
    }

    @Override
    public List<StepMachine<?, ?>> machines() {
        return List.of(SUPPLY_REQUEST);
    }
}
