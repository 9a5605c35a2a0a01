package jp.kyodo.agreement.domain.content;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A file attached to the working copy when it was frozen, as the version lists it: signing the version signs the
 * file's SHA-256 with it (別添).
 */
@Schema(name = "AgreementAttachedFile", description = "A file attached to the version (別添), with its SHA-256")
public record AttachedFile(
        @Schema(required = true, description = "The attachment") UUID attachmentId,
        @Schema(required = true, description = "What the document is (添付書類の種類)") String kind,
        @Schema(required = true, description = "File name") String fileName,
        @Schema(required = true, description = "Media type detected from the content") String mediaType,
        @Schema(required = true, description = "Size in bytes") long sizeBytes,
        @Schema(required = true, description = "SHA-256 of the content", pattern = "^[0-9a-f]{64}$") String sha256) {
}
