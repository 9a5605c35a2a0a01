package jp.kyodo.platform.attachments;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.objectstore.ObjectReferences;
import jp.kyodo.platform.objectstore.ObjectStore;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/**
 * Files attached to parts of records. A file is stored in the object store first and its record written in the
 * caller's transaction; if that transaction rolls back the object is deleted again, and if the process dies in
 * between, the orphan sweep removes it. Removing deletes the record, and the object once the removal committed.
 */
@ApplicationScoped
public class Attachments implements ObjectReferences {

    private static final Logger LOG = Logger.getLogger(Attachments.class);
    static final String PREFIX = "attachments";

    public static final ProblemType ATTACHMENT_FROZEN = ProblemType.of("attachment-frozen", 409,
            "The attachment belongs to a frozen or signed record", "確定・署名済みの記録の添付書類は変更できません");

    @Inject
    ObjectStore store;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager entityManager;

    @Inject
    AuditTrail audit;

    @ConfigProperty(name = "kyodo.attachments.max-size", defaultValue = "20M")
    MemorySize maxSize;

    /** Size, name, checksum and type of an upload (400, 413, 415); nothing is stored yet. */
    public IncomingFile check(UploadForm form) {
        return IncomingFile.of(form.file, form.sha256, maxSize.asLongValue());
    }

    public long maxSizeBytes() {
        return maxSize.asLongValue();
    }

    /** Stores the file and its record in the current transaction. */
    public Attachment store(AttachmentTarget target, String kind, IncomingFile file, boolean isPublic, String uploadedBy,
            UUID uploadedFor) {
        Attachment a = new Attachment();
        a.id = UUID.randomUUID();
        a.aggregateType = target.aggregateType();
        a.aggregateId = target.aggregateId();
        a.partKind = target.partKind();
        a.partId = target.partId();
        a.kind = kind;
        a.fileName = file.fileName();
        a.mediaType = file.mediaType();
        a.sizeBytes = file.sizeBytes();
        a.sha256 = file.sha256();
        a.objectKey = ObjectStore.newKey(PREFIX);
        a.isPublic = isPublic;
        a.uploadedBy = uploadedBy;
        a.uploadedFor = uploadedFor;
        a.uploadedAt = OffsetDateTime.now(ZoneOffset.UTC);
        store.put(a.objectKey, file.path(), file.mediaType());
        afterCompletion(status -> {
            if (status != Status.STATUS_COMMITTED) {
                deleteQuietly(a.objectKey);
            }
        });
        a.persist();
        return a;
    }

    public List<Attachment> list(AttachmentTarget target) {
        return Attachment.of(target);
    }

    /** Whether the part has a file of this kind (a form's procedure may require one before a step). */
    public boolean has(AttachmentTarget target, String kind) {
        return Attachment.count("aggregateId = ?1 and partKind = ?2 and partId = ?3 and kind = ?4",
                target.aggregateId(), target.partKind(), target.partId(), kind) > 0;
    }

    /** The attachment of that aggregate; 404 for any other id. */
    public Attachment find(UUID aggregateId, UUID attachmentId) {
        Attachment a = Attachment.findById(attachmentId);
        if (a == null || !a.aggregateId.equals(aggregateId)) {
            throw ProblemException.notFound("No such attachment.", "添付書類が見つかりません。");
        }
        return a;
    }

    /** Deletes the record now and the object once the transaction committed. */
    public void remove(Attachment a) {
        String key = a.objectKey;
        a.delete();
        afterCompletion(status -> {
            if (status == Status.STATUS_COMMITTED) {
                deleteQuietly(key);
            }
        });
    }

    /**
     * The file as a download (streamed from the store, never held in memory). Reading a file that is not public is
     * recorded in the aggregate's audit trail: who read which file, when.
     */
    public Response download(Attachment a) {
        InputStream in = store.open(a.objectKey);
        if (!a.isPublic) {
            audit.record(AuditRecord.access(a.aggregateType, a.aggregateId, "attachment-read")
                    .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind, "partKind", a.partKind)));
        }
        StreamingOutput body = out -> {
            try (InputStream content = in; OutputStream target = out) {
                content.transferTo(target);
            }
        };
        return Response.ok(body, a.mediaType).header(HttpHeaders.CONTENT_LENGTH, a.sizeBytes)
                .header("Content-Disposition", ContentDisposition.attachment(a.fileName))
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(
                        java.util.HexFormat.of().parseHex(a.sha256)))
                .header("Cache-Control", a.isPublic ? "public, max-age=300" : "private, no-store").build();
    }

    @Override
    @Transactional
    public Set<String> referenced(Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery(
                "select a.objectKey from Attachment a where a.objectKey in ?1", String.class)
                .setParameter(1, List.copyOf(candidates)).getResultList());
    }

    private void afterCompletion(java.util.function.IntConsumer action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        });
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            LOG.warnf("could not delete object %s now (%s); the orphan sweep will", key, e.toString());
        }
    }
}
