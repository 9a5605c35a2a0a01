package jp.kyodo.directory.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "代表者の変更: the successor; the former representative's membership and rights end at once")
public record RepresentativeChange(
        @Schema(description = "Login subject of the new representative", required = true) @NotBlank @Size(max = 255) String subject,
        @Schema(description = "Name (氏名); personal data, never published") @Size(max = 100) String displayName,
        @Schema(description = "E-mail; personal data, never published") @Size(max = 254) @Email String email,
        @Schema(description = "Why (理由), e.g. 総会での改選") @Size(max = 2000) String reason) {
}
