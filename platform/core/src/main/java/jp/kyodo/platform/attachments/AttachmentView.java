package jp.kyodo.platform.attachments;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An attached file as its readers see it; the content is downloaded separately. */
@Schema(name = "Attachment", description = "A file attached to a record (添付書類)")
public record AttachmentView(
        @Schema(required = true, description = "Id of the attachment") UUID attachmentId,
        @Schema(required = true, description = "The kind of part it is attached to, e.g. WORKING_COPY, COST_REPORT")
        String partKind,
        @Schema(required = true, description = "Id of that part") UUID partId,
        @Schema(required = true, description = "What the document is (添付書類の種類)") String kind,
        @Schema(required = true, description = "The file's name as uploaded (NFC, sanitised)", maxLength = 255)
        String fileName,
        @Schema(required = true, description = "Media type detected from the content") String mediaType,
        @Schema(required = true, description = "Size in bytes", minimum = "1") long sizeBytes,
        @Schema(required = true, description = "SHA-256 of the content (hex)", pattern = "^[0-9a-f]{64}$")
        String sha256,
        @Schema(required = true, description = "Whether it may appear in public summaries") boolean isPublic,
        @Schema(nullable = true, description = "The organisation the uploader acted for; absent when they acted as city staff or coordinator") UUID uploadedFor,
        @Schema(required = true, description = "When it was uploaded") OffsetDateTime uploadedAt,
        @Schema(required = true, description = "Where to download it") String href) {

    public static AttachmentView of(Attachment a, String collectionPath) {
        return new AttachmentView(a.id, a.partKind, a.partId, a.kind, a.fileName, a.mediaType, a.sizeBytes, a.sha256,
                a.isPublic, a.uploadedFor, a.uploadedAt, collectionPath + "/" + a.id + "/content");
    }
}
