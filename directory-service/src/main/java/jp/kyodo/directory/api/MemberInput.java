package jp.kyodo.directory.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.readmodel.MemberRole;

@Schema(description = "A person to add to the organisation (メンバー追加), by their login subject")
public record MemberInput(
        @Schema(description = "Login subject (the token's sub)", required = true) @NotBlank @Size(max = 255) String subject,
        @Schema(description = "Role: REPRESENTATIVE (代表者), SIGNATORY (決裁権者, departments only), STAFF, MEMBER",
                required = true) @NotNull MemberRole role,
        @Schema(description = "For a signatory: the largest city cost share in yen they may sign for; absent = unlimited")
        @PositiveOrZero Long amountLimitYen,
        @Schema(description = "Name (氏名); personal data, never published") @Size(max = 100) String displayName,
        @Schema(description = "E-mail; personal data, never published") @Size(max = 254) @Email String email) {
}
