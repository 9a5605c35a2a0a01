package jp.kyodo.agreement.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.directory.readmodel.MemberRole;

@Schema(name = "Signature", description = "A signature (署名) on a frozen version")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignatureView(
        @Schema(description = "Party that signed") UUID organizationId,
        @Schema(description = "Version signed (第N版)") int documentVersion,
        @Schema(description = "Subject of the person who signed") String signer,
        @Schema(description = "REPRESENTATIVE (代表者) or SIGNATORY (決裁権者)") MemberRole signerRole,
        @Schema(description = "SHA-256 of the signed version's canonical content") String contentSha256,
        @Schema(description = "When") OffsetDateTime signedAt,
        @Schema(description = "SHA-256 of the signed PDF this signature produced; absent for signatures made before"
                + " documents were signed", pattern = "^[0-9a-f]{64}$") String documentSha256) {

    public static SignatureView of(Signature s) {
        return new SignatureView(s.organizationId, s.versionNumber, s.signer, s.signerRole, s.contentSha256, s.signedAt,
                s.documentSha256);
    }
}
