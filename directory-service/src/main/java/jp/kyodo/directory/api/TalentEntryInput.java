package jp.kyodo.directory.api;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FieldOfActivity;

@Schema(description = "A talent-bank entry (人材バンク登録) with consent to the stated purpose of use (利用目的への同意). "
        + "Sending it again renews the consent and the retention period.")
public record TalentEntryInput(
        @Schema(description = "Name (氏名)", required = true) @NotBlank @Size(max = 100) String displayName,
        @Schema(description = "Kana reading of the name (フリガナ)") @Size(max = 100) String displayNameKana,
        @Schema(description = "Skills (技能・資格), e.g. 手話, ウェブ制作, 会計", required = true)
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) String> skills,
        @Schema(description = "Fields of activity (活動分野)") @Size(max = 11) List<@NotNull FieldOfActivity> fields,
        @Schema(description = "When the person can help (活動可能な日時)", required = true) @NotBlank @Size(max = 1000) String availability,
        @Schema(description = "Where the person can work (活動できる地域), e.g. 中区", maxLength = 100) @Size(max = 100) String area,
        @Schema(description = "E-mail for being contacted") @Size(max = 254) @Email String email,
        @Schema(description = "Telephone for being contacted")
        @Size(max = 30) @Pattern(regexp = "^\\+?[0-9０-９][0-9０-９\\-－() ]{5,28}$", message = "must be a telephone number") String phone,
        @Schema(description = "Consent to be contacted for the stated purpose (連絡を受けることへの同意); must be true", required = true)
        @NotNull @AssertTrue(message = "consent is required to register") Boolean consentToBeContacted,
        @Schema(description = "Id of the purpose-of-use statement consented to (GET /api/directory/talent-bank/purpose-of-use)",
                required = true) @NotBlank @Size(max = 100) String purposeId) {
}
