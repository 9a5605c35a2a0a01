package jp.kyodo.agreement.document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.SealBlock;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.objectstore.ObjectReferences;
import jp.kyodo.platform.objectstore.ObjectStore;

/**
 * The document of each frozen version: rendered to PDF/A-3b once, when the version is frozen, stored in the object
 * store, and signed by adding one PAdES signature per signing party to those stored bytes. A department signs with
 * the city's key; any other party's approval is attested with the system's witness key (立会人型): the witness
 * states who approved, for which organisation, when, and that Keycloak authenticated them.
 */
@ApplicationScoped
public class VersionDocuments implements ObjectReferences {

    private static final Logger LOG = Logger.getLogger(VersionDocuments.class);
    static final String INFO_AGREEMENT = "KyodoAgreementId";
    static final String INFO_VERSION = "KyodoDocumentVersion";
    static final String INFO_KIND = "KyodoDocumentKind";
    private static final String PREFIX = "documents";
    private static final DateTimeFormatter JAPANESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 H時m分（日本時間）");

    @Inject
    DocumentRenderer renderer;

    @Inject
    ObjectStore store;

    @Inject
    DocumentKeys keys;

    @Inject
    DocumentsConfig config;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager entityManager;

    /**
     * The document a version produces. Each form's procedure decides this; until it does, every version produces the
     * 協定書.
     */
    public static DocumentKind kindOf(AgreementContent content) {
        return DocumentKind.AGREEMENT_DEED;
    }

    /** Name of the embedded canonical JSON: it identifies the agreement and version it belongs to. */
    public static String dataFileName(Object agreementId, Object versionNumber) {
        return "kyodo-agreement-" + agreementId + "-v" + versionNumber + ".json";
    }

    /** Renders the frozen version's PDF and stores it as revision 0 (in the freezing transaction). */
    public DocumentRevision renderAndStore(Agreement agreement, AgreementVersion version) {
        AgreementContent content = CanonicalJson.read(version.content);
        DocumentKind kind = kindOf(content);
        byte[] pdf = PdfA3.render(renderer.forPdf(agreement, version),
                new PdfA3.AssociatedFile(dataFileName(agreement.id, version.number), "application/json",
                        "第" + version.number + "版の内容（正規化JSON、SHA-256 " + version.contentSha256 + "）",
                        version.content.getBytes(StandardCharsets.UTF_8)),
                Map.of(INFO_AGREEMENT, agreement.id.toString(), INFO_VERSION, Integer.toString(version.number),
                        INFO_KIND, kind.name(), "KyodoContentSha256", version.contentSha256));
        return keep(agreement.id, version.number, 0, kind, pdf, null);
    }

    /** The PDF as rendered at the freeze (rendered now for a version frozen before documents were stored). */
    @Transactional
    public byte[] original(Agreement agreement, AgreementVersion version) {
        DocumentRevision original = DocumentRevision.original(agreement.id, version.number)
                .orElseGet(() -> renderAndStore(agreement, version));
        return store.read(original.objectKey);
    }

    /** The newest revision, every signature so far included. */
    public byte[] latest(DocumentRevision revision) {
        return store.read(revision.objectKey);
    }

    /** Who must sign the document for it to be complete: every party, or the city's departments alone. */
    public static List<UUID> signers(AgreementContent content) {
        return kindOf(content).signers().among(content.parties());
    }

    /**
     * Adds the party's signature to the newest revision of the version's PDF and stores the result as the next
     * revision (in the signing transaction, with the agreement locked, so revisions follow one another). Returns
     * {@code null} when the document is not one this party signs.
     */
    public DocumentRevision sign(Agreement agreement, AgreementVersion version, AgreementContent content, Party party,
            String subject, Instant at) {
        if (!signers(content).contains(party.organizationId())) {
            return null;
        }
        DocumentRevision latest = DocumentRevision.latest(agreement.id, version.number)
                .orElseGet(() -> renderAndStore(agreement, version));
        byte[] pdf = store.read(latest.objectKey);
        DocumentKind kind = kindOf(content);
        SealBlock block = party.sealBlock() == null ? new SealBlock(null, null, null, null, null) : party.sealBlock();
        String signer = (nullToEmpty(block.title()) + " " + nullToEmpty(block.name())).strip();
        String what = kind.titleJa() + "第" + version.number + "版（内容の SHA-256 " + version.contentSha256 + "）";
        String when = at.atZone(FiscalYear.CITY_ZONE).format(JAPANESE_TIME);
        byte[] signed;
        if (party.isCityDepartment()) {
            String name = config.cityName() + " " + (signer.isEmpty() ? config.cityHeadTitle() : signer);
            signed = PadesSigner.sign(pdf, keys.city(), new PadesSigner.Statement(name,
                    config.cityName() + "（" + party.name() + "）の決裁権者が" + what + "に電子署名した。", party.name(),
                    at));
        } else {
            String organization = block.organizationName() != null ? block.organizationName() : party.name();
            String who = organization + "の代表者" + (signer.isEmpty() ? "" : "（" + signer + "）");
            signed = PadesSigner.sign(pdf, keys.witness(), new PadesSigner.Statement(organization + " " + signer,
                    "立会人型電子署名: " + who + "が、kyodo へのログイン（Keycloak による認証、利用者ID " + subject + "）を経て、"
                            + when + "に" + what + "への同意を表明したことを、立会人である kyodo が証する。",
                    "kyodo", at));
        }
        return keep(agreement.id, version.number, latest.revision + 1, kind, signed, party.organizationId());
    }

    private DocumentRevision keep(UUID agreementId, int versionNumber, int revision, DocumentKind kind, byte[] pdf,
            UUID signedFor) {
        DocumentRevision r = new DocumentRevision();
        r.agreementId = agreementId;
        r.versionNumber = versionNumber;
        r.revision = revision;
        r.kind = kind;
        r.objectKey = ObjectStore.newKey(PREFIX);
        r.sha256 = SignedPdf.sha256(pdf);
        r.sizeBytes = pdf.length;
        r.signedFor = signedFor;
        r.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        store.put(r.objectKey, pdf, "application/pdf");
        String key = r.objectKey;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        store.delete(key);
                    } catch (RuntimeException e) {
                        LOG.warnf("could not delete %s after a rollback (%s); the orphan sweep will", key, e);
                    }
                }
            }
        });
        r.persist();
        return r;
    }

    @Override
    @Transactional
    public Set<String> referenced(Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery(
                "select r.objectKey from DocumentRevision r where r.objectKey in ?1", String.class)
                .setParameter(1, List.copyOf(candidates)).getResultList());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
