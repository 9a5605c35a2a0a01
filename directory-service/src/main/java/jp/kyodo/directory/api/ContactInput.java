package jp.kyodo.directory.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How to reach the organisation (連絡先)")
public record ContactInput(
        @Schema(description = "Telephone (電話番号), digits with optional hyphens, e.g. 045-123-4567")
        @Size(max = 30) @Pattern(regexp = "^\\+?[0-9０-９][0-9０-９\\-－() ]{5,28}$", message = "must be a telephone number") String phone,
        @Schema(description = "E-mail address (メールアドレス)") @Size(max = 254) @Email String email,
        @Schema(description = "Web site (ウェブサイト), http(s) URL")
        @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website) {
}
