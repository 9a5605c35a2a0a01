package jp.kyodo.agreement.document;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the verification found in a signed PDF. */
@Schema(name = "DocumentVerification", description = "Verification of a signed agreement document (署名検証の結果)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DocumentVerificationReport(
        @Schema(required = true, description = "Every signature intact and trusted, the file issued here, the content"
                + " matching the version") boolean valid,
        @Schema(nullable = true, description = "The agreement the PDF belongs to") UUID agreementId,
        @Schema(nullable = true, description = "The version (第N版)", minimum = "1") Integer documentVersion,
        @Schema(nullable = true, description = "Which document it is (DocumentKind)") String documentKind,
        @Schema(nullable = true, description = "SHA-256 of the version's canonical content", pattern = "^[0-9a-f]{64}$")
        String contentSha256,
        @Schema(required = true, description = "The embedded content is the version's (same SHA-256)")
        boolean contentMatches,
        @Schema(nullable = true, description = "The version's standing now", enumeration = { "AWAITING_SIGNATURES", "IN_FORCE",
                "COMPLETED", "TERMINATED", "SUPERSEDED", "NOT_IN_FORCE" }) String versionStatus,
        @Schema(required = true, description = "Valid and signed by every party the document needs") boolean complete,
        @Schema(required = true, description = "SHA-256 of the file received", pattern = "^[0-9a-f]{64}$")
        String fileSha256,
        @Schema(required = true, description = "Each signature, oldest first") List<SignatureReport> signatures,
        @Schema(required = true, description = "Why it is not valid (empty when valid)") List<String> problems) {

    @Schema(name = "DocumentSignatureCheck")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SignatureReport(
            @Schema(nullable = true, description = "Name in the signature") String name,
            @Schema(nullable = true, description = "Reason stated (for a partner: the witness's attestation)") String reason,
            @Schema(nullable = true, description = "Subject of the signing certificate") String certificate,
            @Schema(nullable = true, description = "Time of signing stated in the signature") OffsetDateTime signedAt,
            @Schema(required = true, description = "The signed bytes are unchanged") boolean intact,
            @Schema(required = true, description = "The certificate chains to a configured trust anchor")
            boolean trusted,
            @Schema(nullable = true, description = "What is wrong with it; absent when nothing is") String problem) {
    }
}
