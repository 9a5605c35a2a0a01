package jp.kyodo.platform.attachments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A file attached to a part of a record: where it is stored and what was computed from its content. */
@Entity
@Table(name = "kyodo_attachment")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "aggregate_type")
    public String aggregateType;
    @Column(name = "aggregate_id")
    public UUID aggregateId;
    @Column(name = "part_kind")
    public String partKind;
    @Column(name = "part_id")
    public UUID partId;
    public String kind;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    @Column(name = "object_key")
    public String objectKey;
    @Column(name = "public")
    public boolean isPublic;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_for")
    public UUID uploadedFor;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;

    public AttachmentTarget target() {
        return new AttachmentTarget(aggregateType, aggregateId, partKind, partId);
    }

    public static List<Attachment> of(AttachmentTarget target) {
        return list("aggregateId = ?1 and partKind = ?2 and partId = ?3 order by uploadedAt, id", target.aggregateId(),
                target.partKind(), target.partId());
    }

    public static List<Attachment> ofAggregate(UUID aggregateId) {
        return list("aggregateId = ?1 order by uploadedAt, id", aggregateId);
    }
}
