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
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;
import jp.kyodo.platform.security.Caller;

/**
 * Signatures: each party signs the version awaiting signatures; when every party signed that same version it comes
 * into force (the agreement becomes ACTIVE, or an amendment replaces the version in force).
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

    @Transactional
    public Signature sign(UUID id, UUID actingFor, int documentVersion, String expectedSha256) {
        String subject = caller.subject();
        Agreement agreement = Agreements.lock(id);
        // The caller first: only a party's member learns whether, and which version, awaits signatures.
        access.requirePartyMember(agreement, actingFor);
        if (!agreement.isAwaitingSignatures()) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "SIGNED", agreement.allowedTransitions());
        }
        if (agreement.pendingVersion == null || documentVersion != agreement.pendingVersion) {
            throw new ProblemException(OUTDATED_VERSION, LocalizedText.of(
                    "Version " + documentVersion + " is not the one awaiting signatures (" + agreement.pendingVersion + ").",
                    "第" + documentVersion + "版は署名対象ではありません（署名対象は第" + agreement.pendingVersion + "版）。"));
        }
        AgreementVersion version = Agreements.version(id, documentVersion);
        if (expectedSha256 != null && !expectedSha256.equalsIgnoreCase(version.contentSha256)) {
            throw new ProblemException(OUTDATED_VERSION, LocalizedText.of(
                    "The content you read differs from version " + documentVersion + " (SHA-256 mismatch).",
                    "確認した内容が第" + documentVersion + "版と一致しません（SHA-256 不一致）。"));
        }
        AgreementContent content = CanonicalJson.read(version.content);
        Party party = access.requirePartyMember(content, actingFor);
        if (Signature.count("agreementId = ?1 and versionNumber = ?2 and organizationId = ?3", id, documentVersion,
                actingFor) > 0) {
            throw ProblemException.conflict("This party has already signed this version.", "この当事者は既にこの版に署名しています。");
        }
        long cityShare = CostTotals.of(content).cityShareYen();
        var role = SignaturePolicy.roleOfSigner(party, directory.organization(actingFor), subject, cityShare);

        Signature signature = new Signature();
        signature.id = UUID.randomUUID();
        signature.agreementId = id;
        signature.versionNumber = documentVersion;
        signature.organizationId = actingFor;
        signature.signer = subject;
        signature.signerRole = role;
        signature.contentSha256 = version.contentSha256;
        signature.signedAt = OffsetDateTime.now(ZoneOffset.UTC);
        DocumentRevision revision = documents.sign(agreement, version, content, party, subject,
                signature.signedAt.toInstant());
        signature.documentSha256 = revision == null ? null : revision.sha256;
        signature.persist();
        agreement.signatureAdded();
        agreement.flush();

        Set<UUID> signed = Signature.on(id, documentVersion).stream().map(s -> s.organizationId).collect(Collectors.toSet());
        List<UUID> awaiting = content.partyIds().stream().filter(p -> !signed.contains(p)).toList();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "signed").actingFor(actingFor)
                .details(Map.of("documentVersion", documentVersion, "contentSha256", version.contentSha256,
                        "signerRole", role.name())));
        events.signed(new AgreementSigned(id, agreement.version, documentVersion, actingFor, role.name(),
                version.contentSha256, signature.signedAt.toInstant(), awaiting));
        taskFacts.signed(id, documentVersion, actingFor);
        if (awaiting.isEmpty()) {
            bringIntoForce(agreement, content, documentVersion);
        }
        return signature;
    }

    private void bringIntoForce(Agreement agreement, AgreementContent content, int documentVersion) {
        String before = agreement.stateLabel();
        Integer previous = agreement.bringPendingVersionIntoForce();
        agreement.flush();
        AgreementInForce inForce = AgreementInForce.of(agreement, content, documentVersion);
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
