package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.ContentRules;
import jp.kyodo.agreement.domain.SignatureReadiness;
import jp.kyodo.agreement.document.VersionDocuments;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.events.AgreementAmendmentStarted;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementVersionFrozen;
import jp.kyodo.agreement.events.AgreementWorkingCopyEdited;
import jp.kyodo.agreement.procedure.EndorsementProcedure;
import jp.kyodo.agreement.procedure.EndorsementProcedure.EndorsementState;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.procedure.TrackOpening;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * Negotiation of the content: the parties edit the working copy, freeze it as version N for signature, and open
 * amendments of an agreement in force.
 */
@ApplicationScoped
public class AgreementNegotiation {

    @Inject
    AgreementAccess access;

    @Inject
    PartyDirectory directory;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementTaskFacts taskFacts;

    @Inject
    AgreementAttachments attachments;

    @Inject
    VersionDocuments documents;

    @Inject
    Procedures procedures;

    @Inject
    Readiness readiness;

    @Inject
    ProcedureSteps steps;

    /** Saves the working copy; editing a version awaiting signatures returns the agreement to negotiation. */
    @Transactional
    public Agreement editWorkingCopy(UUID id, IfMatch ifMatch, UUID actingFor, AgreementContent requested) {
        Agreement agreement = Agreements.find(id);
        // The editor must be a party both before the edit and after it: no one edits an agreement they are not in.
        access.requirePartyMember(Agreements.workingCopy(agreement), actingFor);
        ifMatch.requireCurrent(agreement.version);
        // The files of the working copy are its attachments; a version lists them only when it is frozen.
        AgreementContent content = directory.describeAll(requested.withAttachments(List.of()), "content.")
                .withIdsAssigned(UUID::randomUUID);
        access.requirePartyMember(content, actingFor);
        List<FieldError> problems = AgreementDrafting.prefixed(ContentRules.problems(content));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        if (agreement.state == AgreementState.ACTIVE && agreement.amendmentState != jp.kyodo.agreement.domain.AmendmentState.NONE
                && !content.partyIds().containsAll(Agreements.inForce(agreement).partyIds())) {
            throw ProblemException.invalidField("content.parties",
                    "An amendment cannot drop a party; end the agreement instead.", "変更協定で当事者を外すことはできません。");
        }
        String before = agreement.stateLabel();
        Integer withdrawn = agreement.isAwaitingSignatures() ? agreement.pendingVersion : null;
        AgreementContent frozen = withdrawn == null ? null : Agreements.workingCopy(agreement);
        agreement.edit(CanonicalJson.write(content), content.title());
        agreement.flush();
        directory.index(agreement.id, content.partyIds());
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "working-copy-edited")
                .transition(before, agreement.stateLabel()).actingFor(actingFor));
        events.workingCopyEdited(new AgreementWorkingCopyEdited(agreement.id, agreement.version, before,
                agreement.stateLabel(), withdrawn, actingFor, content.partyIds(), agreement.updatedAt.toInstant()));
        if (withdrawn != null) {
            taskFacts.signaturesWithdrawn(agreement.id, withdrawn, frozen, "VERSION_WITHDRAWN");
        }
        return agreement;
    }

    /** Freezes the working copy as the next version, once it is complete enough to be signed. */
    @Transactional
    public AgreementVersion submit(UUID id, IfMatch ifMatch, UUID actingFor) {
        Agreement agreement = Agreements.find(id);
        AgreementContent content = Agreements.workingCopy(agreement);
        access.requirePartyMember(content, actingFor);
        ifMatch.requireCurrent(agreement.version);
        if (!agreement.isNegotiating()) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "AWAITING_SIGNATURES",
                    agreement.allowedTransitions());
        }
        // The directory may have renamed or retyped a party since the last edit: the frozen text says who signs.
        content = directory.describeAll(content, "content.");
        FormProcedure procedure = procedures.of(content.form());
        List<FieldError> problems = new ArrayList<>(readiness.of(agreement.id, content));
        LocalDate receivedOn = ProcedureSteps.today();
        if (problems.isEmpty()) {
            problems.addAll(procedure.onReceipt(content, receivedOn));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(AgreementDrafting.prefixed(problems));
        }
        String before = agreement.stateLabel();
        boolean amendment = agreement.state == AgreementState.ACTIVE;
        int number = agreement.freeze(taskFacts.signaturesDueOn());
        // The working copy's files are listed with their SHA-256: signing the version signs them too.
        content = content.withAttachments(attachments.ofWorkingCopy(agreement.id));
        String canonical = CanonicalJson.write(content);
        agreement.workingCopy = canonical;
        AgreementVersion version = new AgreementVersion();
        version.id = UUID.randomUUID();
        version.agreementId = agreement.id;
        version.number = number;
        version.content = canonical;
        version.contentSha256 = CanonicalJson.sha256(canonical);
        version.frozenAt = OffsetDateTime.now(ZoneOffset.UTC);
        version.frozenBy = access.subject();
        version.frozenFor = actingFor;
        version.persist();
        agreement.flush();
        // Rendered once, now: every signature is added to these stored bytes.
        documents.renderAndStore(agreement, version);
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "version-frozen")
                .transition(before, agreement.stateLabel())
                .actingFor(actingFor).details(Map.of("documentVersion", number, "contentSha256", version.contentSha256)));
        events.versionFrozen(new AgreementVersionFrozen(agreement.id, agreement.version, number, version.contentSha256,
                amendment, content.partyIds()));
        taskFacts.signaturesRequested(agreement, content, number);
        received(agreement, content, procedure, receivedOn, number);
        return version;
    }

    /** An endorsement application received: its track opens (or restarts), the city's decision due. */
    private void received(Agreement agreement, AgreementContent content, FormProcedure procedure, LocalDate receivedOn,
            int number) {
        if (!(procedure instanceof EndorsementProcedure endorsement)) {
            return;
        }
        ProcedureTrack track = ProcedureTrack.of(agreement.id, TrackKind.ENDORSED_EVENT, "event").orElse(null);
        if (track != null && track.state(EndorsementState.class) != EndorsementState.RECEIVED) {
            return; // an amendment of an approved endorsement: the decision on it updates the track
        }
        TrackOpening opening = endorsement.onReceiptTrack(content, receivedOn, number);
        String from = track == null ? null : track.state;
        if (track == null) {
            track = ProcedureTrack.open(agreement.id, opening.kind(), opening.key(), opening.state(), opening.data());
        } else {
            track.data = TrackData.write(opening.data());
        }
        track.expect(opening.nextStep(), opening.actor(), opening.dueOn());
        steps.record(agreement, content, track, Receipt.RECEIPT, from, ProcedureSteps.entered("documentVersion", number),
                null, "endorsement-received");
    }

    /** Receiving an application (受理), the step that starts an endorsement. */
    enum Receipt {
        RECEIPT
    }

    /** Opens an amendment (変更協定) of an agreement in force; the signed version stays in force meanwhile. */
    @Transactional
    public Agreement startAmendment(UUID id, IfMatch ifMatch, UUID actingFor, String reason) {
        Agreement agreement = Agreements.find(id);
        access.requirePartyMember(agreement, actingFor);
        ifMatch.requireCurrent(agreement.version);
        if (agreement.versionInForce == null) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "AMENDMENT_DRAFTING",
                    agreement.allowedTransitions());
        }
        AgreementContent inForce = Agreements.inForce(agreement);
        access.requirePartyMember(inForce, actingFor);
        String before = agreement.stateLabel();
        agreement.startAmendment(reason, CanonicalJson.write(inForce.withAttachments(List.of())));
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "amendment-started")
                .transition(before, agreement.stateLabel()).actingFor(actingFor).reason(reason));
        events.amendmentStarted(new AgreementAmendmentStarted(agreement.id, agreement.version,
                agreement.versionInForce, actingFor, reason, agreement.updatedAt.toInstant()));
        return agreement;
    }
}
