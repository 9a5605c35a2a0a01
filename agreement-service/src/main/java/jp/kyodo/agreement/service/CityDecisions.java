package jp.kyodo.agreement.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.terms.EndorsementTerms;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementRefused;
import jp.kyodo.agreement.procedure.CostTotalsOfYear;
import jp.kyodo.agreement.procedure.EndorsedEvent;
import jp.kyodo.agreement.procedure.EndorsementExclusions;
import jp.kyodo.agreement.procedure.EndorsementProcedure;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementState;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementStep;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.GrantDecision;
import jp.kyodo.agreement.procedure.GrantYear;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.SubsidyProcedure;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantState;
import jp.kyodo.agreement.procedure.SubsidyProcedure.GrantStep;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * The city's decision on a version it alone decides — a subsidy application (交付決定・変更承認, or 不交付) or an
 * endorsement application (承認, or 不承認). The department's signatory (決裁権者) decides; an approval is the city's
 * signature on the version, which brings it into force; a refusal gives reasons and ends the application (or discards
 * the amendment).
 */
@ApplicationScoped
public class CityDecisions {

    @Inject
    AgreementAccess access;

    @Inject
    AgreementSigning signing;

    @Inject
    Procedures procedures;

    @Inject
    ProcedureSteps steps;

    @Inject
    ProcedureTaskFacts procedureTaskFacts;

    @Inject
    AgreementTaskFacts taskFacts;

    @Inject
    DirectoryReadModel directory;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    /** The version awaiting the decision, after the caller (a department party's member) and the state were checked. */
    private record Pending(Agreement agreement, AgreementVersion version, AgreementContent content, Party department) {
    }

    private Pending pending(UUID id, UUID actingFor, int documentVersion, String sha256, CollaborationForm form) {
        Agreement agreement = Agreements.lock(id);
        access.requirePartyMember(agreement, actingFor);
        AgreementVersion version = signing.pendingVersion(agreement, documentVersion, sha256);
        AgreementContent content = CanonicalJson.read(version.content);
        Party department = access.requireDepartmentStaff(content, actingFor);
        FormProcedure procedure = procedures.of(content.form());
        if (!procedure.decidedByCity()) {
            throw new ProblemException(ProcedureProblems.WRONG_WAY_TO_FORCE, LocalizedText.of(
                    "A " + content.form() + " comes into force when every party signed it, not by a decision.",
                    "「" + content.form().japanese() + "」は当事者全員の署名で効力を生じます（決定は不要です）。"));
        }
        ProcedureProblems.requireForm(procedure, form);
        return new Pending(agreement, version, content, department);
    }

    /** 交付決定 (or 変更承認 when the year is already decided) on the application awaiting it. */
    @Transactional
    public Agreement grant(UUID id, UUID actingFor, int documentVersion, String sha256, GrantDecision decision) {
        Pending p = pending(id, actingFor, documentVersion, sha256, CollaborationForm.SUBSIDY);
        access.requireSignatory(p.content(), actingFor, decision.amount().amount());
        List<FieldError> problems = SubsidyProcedure.decisionProblems(p.content(), decision.fiscalYear(),
                decision.amount(), decision.rate(), decision.cap());
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        String key = Integer.toString(decision.fiscalYear());
        ProcedureTrack track = ProcedureTrack.of(p.agreement().id, TrackKind.GRANT_YEAR, key).orElse(null);
        GrantYear year = track == null ? new GrantYear() : track.data(GrantYear.class);
        GrantState from = track == null ? null : track.state(GrantState.class);
        if (from != null) {
            SubsidyProcedure.GRANT_YEAR.require(from, GrantStep.CHANGE_APPROVAL);
            if (year.advancesPaidYen.exceeds(decision.amount())) {
                throw ProblemException.invalidField("grant.amountYen", "Below the advances already paid ("
                        + year.advancesPaidYen + ").", "既に支払った概算払額（" + year.advancesPaidYen + "）を下回っています。");
            }
        }
        CostTotalsOfYear applied = CostTotalsOfYear.of(p.content(), decision.fiscalYear());
        year.fiscalYear = decision.fiscalYear();
        year.decidedOnVersion = documentVersion;
        year.requestedYen = applied.cityShare();
        year.budgetedCostYen = applied.total();
        year.decidedAmountYen = decision.amount();
        year.rate = decision.rate();
        year.capYen = decision.cap();
        year.conditions = decision.conditions();
        year.decidedOn = ProcedureSteps.today();

        if (track == null) {
            track = ProcedureTrack.open(p.agreement().id, TrackKind.GRANT_YEAR, key, GrantState.DECIDED, year);
        } else {
            track.state = GrantState.DECIDED.name();
            track.data = TrackData.write(year);
        }
        procedures.of(CollaborationForm.SUBSIDY, SubsidyProcedure.class).expectNext(track, year,
                p.content().term().end());
        track.persist();
        signing.addSignature(p.agreement(), p.version(), p.content(), actingFor, MemberRole.SIGNATORY);
        signing.bringIntoForce(p.agreement(), p.content(), documentVersion);
        steps.record(p.agreement(), p.content(), track, from == null ? GrantDecisionStep.GRANT_DECISION
                : GrantStep.CHANGE_APPROVAL, from == null ? null : from.name(),
                ProcedureSteps.entered("documentVersion", documentVersion, "amountYen", decision.amount(),
                        "rate", decision.rate(), "capYen", decision.cap(), "conditions", decision.conditions()),
                actingFor, from == null ? "grant-decided" : "grant-change-approved");
        return p.agreement();
    }

    /** The step that opens a year's grant (the machine starts in DECIDED). */
    enum GrantDecisionStep {
        GRANT_DECISION
    }

    /** 承認 of an endorsement application, with conditions; 409 while an exclusion rule applies. */
    @Transactional
    public Agreement approveEndorsement(UUID id, UUID actingFor, int documentVersion, String sha256,
            String conditions) {
        Pending p = pending(id, actingFor, documentVersion, sha256, CollaborationForm.ENDORSEMENT);
        access.requireSignatory(p.content(), actingFor, 0);
        List<EndorsementExclusions.Exclusion> exclusions = exclusions(p.content());
        if (!exclusions.isEmpty()) {
            throw new ProblemException(ProcedureProblems.ENDORSEMENT_EXCLUDED, LocalizedText.of(
                    String.join(" ", exclusions.stream().map(EndorsementExclusions.Exclusion::english).toList())
                            + " Record a refusal with these reasons.",
                    String.join("", exclusions.stream().map(EndorsementExclusions.Exclusion::japanese).toList())
                            + "理由を付して不承認としてください。"),
                    List.of(), Map.of("exclusions", exclusions.stream().map(Enum::name).toList()));
        }
        ProcedureTrack track = steps.track(p.agreement(), TrackKind.ENDORSED_EVENT, "event");
        EndorsementState from = track.state(EndorsementState.class);
        EndorsementStep step = from == EndorsementState.APPROVED ? EndorsementStep.CHANGE_APPROVAL
                : EndorsementStep.APPROVAL;
        EndorsementProcedure.ENDORSED_EVENT.require(from, step);
        EndorsementTerms terms = p.content().terms(EndorsementTerms.class).orElseThrow();
        EndorsedEvent event = track.data(EndorsedEvent.class);
        event.applicationVersion = documentVersion;
        event.firstDay = terms.firstDay();
        event.lastDay = terms.lastDay();
        event.conditions = conditions;
        event.decidedOn = ProcedureSteps.today();

        track.state = EndorsementProcedure.ENDORSED_EVENT.next(from, step).name();
        track.data = TrackData.write(event);
        procedures.of(CollaborationForm.ENDORSEMENT, EndorsementProcedure.class).expectNext(track, event);
        signing.addSignature(p.agreement(), p.version(), p.content(), actingFor, MemberRole.SIGNATORY);
        signing.bringIntoForce(p.agreement(), p.content(), documentVersion);
        steps.record(p.agreement(), p.content(), track, step, from.name(),
                ProcedureSteps.entered("documentVersion", documentVersion, "conditions", conditions), actingFor,
                step == EndorsementStep.APPROVAL ? "endorsement-approved" : "endorsement-change-approved");
        return p.agreement();
    }

    /** The exclusion rules as they apply to the application and its organiser now. */
    public List<EndorsementExclusions.Exclusion> exclusions(AgreementContent content) {
        EndorsementTerms terms = content.terms(EndorsementTerms.class).orElseThrow();
        Party organiser = content.parties().stream().filter(x -> !x.isCityDepartment()).findFirst().orElse(null);
        var status = organiser == null ? null
                : directory.organization(organiser.organizationId()).map((KnownOrganization o) -> o.status).orElse(null);
        return EndorsementExclusions.of(terms, status);
    }

    /** 不交付決定 or 不承認 of the version awaiting the city's decision, with reasons. */
    @Transactional
    public Agreement refuse(UUID id, UUID actingFor, int documentVersion, String sha256, CollaborationForm form,
            List<String> reasons) {
        Pending p = pending(id, actingFor, documentVersion, sha256, form);
        access.requireSignatory(p.content(), actingFor, 0);
        Agreement agreement = p.agreement();
        String before = agreement.stateLabel();
        boolean amendment = agreement.versionInForce != null;
        agreement.refusePending(String.join("\n", reasons));
        agreement.flush();
        if (form == CollaborationForm.ENDORSEMENT && !amendment) {
            ProcedureTrack track = steps.track(agreement, TrackKind.ENDORSED_EVENT, "event");
            EndorsementState from = track.state(EndorsementState.class);
            EndorsedEvent event = track.data(EndorsedEvent.class);
            event.refusalReasons = reasons;
            event.decidedOn = ProcedureSteps.today();
            track.state = EndorsementProcedure.ENDORSED_EVENT.next(from, EndorsementStep.REFUSAL).name();
            track.data = TrackData.write(event);
            track.nothingExpected();
            track.updatedAt = agreement.updatedAt;
            procedureTaskFacts.decided(p.content(), track);
        }
        taskFacts.decided(id, documentVersion, p.content());
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "refused").transition(before, agreement.stateLabel())
                .actingFor(actingFor).reason(String.join("; ", reasons))
                .details(Map.of("documentVersion", documentVersion)));
        events.refused(new AgreementRefused(id, agreement.version, form, documentVersion, amendment,
                agreement.stateLabel(), reasons, actingFor, agreement.updatedAt.toInstant()));
        return agreement;
    }
}
