package jp.kyodo.agreement.api;

import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A signature (署名) for one party on one frozen version")
public record SignatureRequest(
        @Schema(description = "The party signing; the caller must be its representative (代表者) or, for a "
                + "department, its signatory (決裁権者)") @NotNull UUID actingFor,
        @Schema(description = "The version signed (第N版)") @NotNull @Min(1) Integer documentVersion,
        @Schema(description = "SHA-256 of the version the signer read; if given it must match")
        @Pattern(regexp = "[0-9a-fA-F]{64}") String contentSha256) {
}
