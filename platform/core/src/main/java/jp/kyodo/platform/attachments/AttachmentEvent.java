package jp.kyodo.platform.attachments;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code <aggregate>.attachment-added} and {@code .attachment-removed}: what kind of file, how large, its
 * detected type and hash. Never the file name (free text, often a person's name) nor the content.
 */
public record AttachmentEvent(UUID aggregateId, long version, UUID attachmentId, String partKind, UUID partId,
        String kind, long sizeBytes, String mediaType, String sha256, boolean isPublic, Instant occurredAt) {

    public static AttachmentEvent of(Attachment a, long aggregateVersion) {
        return new AttachmentEvent(a.aggregateId, aggregateVersion, a.id, a.partKind, a.partId, a.kind, a.sizeBytes,
                a.mediaType, a.sha256, a.isPublic, Instant.now());
    }
}
