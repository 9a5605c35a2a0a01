package jp.kyodo.platform.attachments;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A {@code multipart/form-data} upload of one file: the file part (its name is kept, its declared type ignored), the
 * kind of document, for whom the caller acts, and optionally the SHA-256 the client computed and whether the file
 * may be shown in public summaries.
 */
@Schema(name = "AttachmentUpload", description = "One file and what it is (multipart/form-data)")
public class UploadForm {

    @RestForm("file")
    @Schema(type = SchemaType.STRING, format = "binary", required = true,
            description = "The file (PDF, image, office document, CSV or plain text; at most the configured size,"
                    + " 20 MB by default). Its name is kept (NFC, without path or control characters).")
    public FileUpload file;

    @RestForm
    @PartType("text/plain")
    @Schema(required = true, description = "What the document is (添付書類の種類), e.g. SPECIFICATION, RECEIPT",
            pattern = "^[A-Z_]{1,40}$")
    public String kind;

    @RestForm
    @PartType("text/plain")
    @Schema(format = "uuid", description = "The organisation the caller acts for")
    public UUID actingFor;

    @RestForm
    @PartType("text/plain")
    @Schema(pattern = "^[0-9a-fA-F]{64}$",
            description = "SHA-256 of the file as the client computed it (hex); a different content is refused")
    public String sha256;

    @RestForm("public")
    @PartType("text/plain")
    @Schema(description = "Whether the file may appear in public summaries (never for personal data such as"
            + " officer lists and receipts); default false")
    public Boolean isPublic;
}
