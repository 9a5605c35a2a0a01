package jp.kyodo.platform.attachments;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import jp.kyodo.platform.problem.ProblemException;

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

    /** The kind named in the form, one of {@code allowed} (400 naming the field {@code kind} otherwise). */
    public <E extends Enum<E>> E kindAmong(Class<E> type, Set<E> allowed) {
        E value;
        try {
            value = Enum.valueOf(type, kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("kind", "Name one of " + new TreeSet<>(allowed) + ".",
                    "添付書類の種類を次から指定してください: " + new TreeSet<>(allowed));
        }
        if (!allowed.contains(value)) {
            throw ProblemException.invalidField("kind", value + " does not belong here; one of "
                    + new TreeSet<>(allowed) + ".", "ここには添付できない種類です（" + new TreeSet<>(allowed) + "）。");
        }
        return value;
    }

    /** Whether the file is to be public; 400 when it holds personal data and public was asked for. */
    public boolean publicUnless(boolean personalData) {
        boolean requested = Boolean.TRUE.equals(isPublic);
        if (requested && personalData) {
            throw ProblemException.invalidField("public", "This kind of document holds personal data and is never"
                    + " public.", "個人情報を含む書類は公開できません。");
        }
        return requested;
    }

    /** The organisation the caller acts for; 400 when the form does not name one. */
    public UUID requireActingFor() {
        if (actingFor == null) {
            throw ProblemException.invalidField("actingFor", "Name the organisation you act for.",
                    "代理する団体を指定してください。");
        }
        return actingFor;
    }
}
