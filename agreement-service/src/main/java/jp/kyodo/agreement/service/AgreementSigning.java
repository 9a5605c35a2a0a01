package jp.kyodo.agreement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.domain.SignaturePolicy;
import jp.kyodo.agreement.document.DocumentRevision;
import jp.kyodo.agreement.document.VersionDocuments;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementInForce;
import jp.kyodo.agreement.events.AgreementSigned;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;
import jp.kyodo.platform.security.Caller;

/**
 * Signatures: each party signs the version awaiting signatures; when every party the form's document needs signed
 * that same version it comes into force (the agreement becomes ACTIVE, or an amendment replaces the version in force)
 * and the procedure opens its tracks. Versions the city alone decides (an application) come into force by the city's
 * decision ({@link CityDecisions}), which signs them the same way.
 */
@ApplicationScoped
public class AgreementSigning {

    public static final ProblemType OUTDATED_VERSION = ProblemType.of("outdated-version", 409,
            "This version is not the one awaiting signatures", "この版は署名対象の版ではありません");

    @Inject
    DirectoryReadModel directory;

    @Inject
    Caller caller;

    @Inject
    AgreementAccess access;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementTaskFacts taskFacts;

    @Inject
    VersionDocuments documents;

    @Inject
    Procedures procedures;

    @Inject
    ProcedureSteps steps;

    @Transactional
    public Signature sign(UUID id, UUID actingFor, int documentVersion, String expectedSha256) {
        String subject = caller.subject();
        Agreement agreement = Agreements.lock(id);
        // The caller first: only a party's member learns whether, and which version, awaits signatures.
        access.requirePartyMember(agreement, actingFor);
        AgreementVersion version = pendingVersion(agreement, documentVersion, expectedSha256);
        AgreementContent content = CanonicalJson.read(version.content);
        Party party = access.requirePartyMember(content, actingFor);
        FormProcedure procedure = procedures.of(content.form());
        if (procedure.decidedByCity()) {
            throw new ProblemException(ProcedureProblems.WRONG_WAY_TO_FORCE, LocalizedText.of(
                    "A " + content.form() + " application is not signed: the city decides it (POST …/decision).",
                    "「" + content.form().japanese() + "」の申請は署名ではなく市の決定（…/decision）で効力を生じます。"));
        }
        if (Signature.count("agreementId = ?1 and versionNumber = ?2 and organizationId = ?3", id, documentVersion,
                actingFor) > 0) {
            throw ProblemException.conflict("This party has already signed this version.", "この当事者は既にこの版に署名しています。");
        }
        long cityShare = CostTotals.of(content).cityShareYen();
        MemberRole role = SignaturePolicy.roleOfSigner(party, directory.organization(actingFor), subject, cityShare);
        Signature signature = addSignature(agreement, version, content, actingFor, role);
        Set<UUID> signed = Signature.on(id, documentVersion).stream().map(s -> s.organizationId).collect(Collectors.toSet());
        if (content.partyIds().stream().allMatch(signed::contains)) {
            bringIntoForce(agreement, content, documentVersion);
        }
        return signature;
    }

    /**
     * The version awaiting signatures or the city's decision, as the caller read it: 409 when nothing awaits, when
     * another version does, or when its content hash differs from what the caller read.
     */
    AgreementVersion pendingVersion(Agreement agreement, int documentVersion, String expectedSha256) {
        if (!agreement.isAwaitingSignatures()) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "SIGNED", agreement.allowedTransitions());
        }
        if (agreement.pendingVersion == null || documentVersion != agreement.pendingVersion) {
            throw new ProblemException(OUTDATED_VERSION, LocalizedText.of(
                    "Version " + documentVersion + " is not the one awaiting signatures (" + agreement.pendingVersion + ").",
                    "第" + documentVersion + "版は署名対象ではありません（署名対象は第" + agreement.pendingVersion + "版）。"));
        }
        AgreementVersion version = Agreements.version(agreement.id, documentVersion);
        if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(version.contentSha256)) {
            throw new ProblemException(OUTDATED_VERSION, LocalizedText.of(
                    "The content you read differs from version " + documentVersion + " (SHA-256 mismatch).",
                    "確認した内容が第" + documentVersion + "版と一致しません（SHA-256 不一致）。"));
        }
        return version;
    }

    /**
     * Records a party's signature on the version awaiting it, adds it to the version's PDF when the document needs
     * that party's signature, and announces it.
     */
    Signature addSignature(Agreement agreement, AgreementVersion version, AgreementContent content, UUID actingFor,
            MemberRole role) {
        Party party = content.parties().stream().filter(p -> p.organizationId().equals(actingFor)).findFirst()
                .orElseThrow();
        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.agreementId = agreement.id;
        signature.versionNumber = version.number;
        signature.organizationId = actingFor;
        signature.signer = caller.subject();
        signature.signerRole = role;
        signature.contentSha256 = version.contentSha256;
        signature.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DocumentRevision revision = documents.sign(agreement, version, content, party, signature.signer,
                signature.signedAt.toInstant());
        signature.documentSha256 = revision == null ? null : revision.sha256;
        signature.persist();
        agreement.signatureAdded();
        agreement.flush();
        taskFacts.signed(agreement.id, version.number, content, actingFor);
        Set<UUID> signed = Signature.on(agreement.id, version.number).stream().map(s -> s.organizationId)
                .collect(Collectors.toSet());
        List<UUID> awaiting = procedures.of(content.form()).decidedByCity() ? List.of()
                : content.partyIds().stream().filter(p -> !signed.contains(p)).toList();
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "signed").actingFor(actingFor)
                .details(Map.of("documentVersion", version.number, "contentSha256", version.contentSha256,
                        "signerRole", role.name())));
        events.signed(new AgreementSigned(agreement.id, agreement.version, version.number, actingFor, role.name(),
                version.contentSha256, signature.signedAt.toInstant(), awaiting));
        return signature;
    }

    /** The pending version comes into force; the procedure opens the tracks it runs while in force. */
    void bringIntoForce(Agreement agreement, AgreementContent content, int documentVersion) {
        String before = agreement.stateLabel();
        Integer previous = agreement.bringPendingVersionIntoForce();
        FormProcedure procedure = procedures.of(content.form());
        steps.open(agreement, content, procedure.tracksInForce(content, ProcedureSteps.today()));
        agreement.flush();
        AgreementInForce inForce = AgreementInForce.of(agreement, content, documentVersion, procedure.evaluated(),
                ProcedureTrack.allOf(agreement.id));
        taskFacts.milestonesInForce(agreement, content);
        if (previous == null) {
            audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "activated")
                    .transition(before, agreement.state)
                    .details(Map.of("documentVersion", documentVersion)));
            events.activated(inForce);
        } else {
            audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "amended")
                    .transition(before, agreement.state)
                    .details(Map.of("documentVersion", documentVersion, "previousDocumentVersion", previous)));
            events.amended(inForce.replacing(previous));
        }
    }
}
