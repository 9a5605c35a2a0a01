package jp.kyodo.agreement.document;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One stored revision of a version's PDF: 0 as rendered at the freeze, then one per signature. */
@Entity
@Table(name = "agreement_document_revision")
@IdClass(DocumentRevision.Key.class)
public class DocumentRevision extends PanacheEntityBase {

    @Id
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Id
    @Column(name = "version_number")
    public int versionNumber;
    @Id
    public int revision;
    @Enumerated(EnumType.STRING)
    public DocumentKind kind;
    @Column(name = "object_key")
    public String objectKey;
    public String sha256;
    @Column(name = "size_bytes")
    public long sizeBytes;
    /** The party whose signature made this revision; null for the rendered original. */
    @Column(name = "signed_for")
    public UUID signedFor;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Optional<DocumentRevision> latest(UUID agreementId, int versionNumber) {
        return find("agreementId = ?1 and versionNumber = ?2 order by revision desc", agreementId, versionNumber)
                .firstResultOptional();
    }

    public static Optional<DocumentRevision> original(UUID agreementId, int versionNumber) {
        return find("agreementId = ?1 and versionNumber = ?2 and revision = 0", agreementId, versionNumber)
                .firstResultOptional();
    }

    public static Optional<DocumentRevision> withSha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }

    public static class Key implements Serializable {
        public UUID agreementId;
        public int versionNumber;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(agreementId, k.agreementId) && versionNumber == k.versionNumber
                    && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(agreementId, versionNumber, revision);
        }
    }
}
