package jp.kyodo.directory.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FieldOfActivity;

@Schema(description = "An organisation's profile as its representative or staff maintain it (団体情報). The type cannot change.")
public record OrganizationProfile(
        @Schema(description = "Name (団体名)", required = true) @NotBlank @Size(max = 200) String name,
        @Schema(description = "Reading of the name (フリガナ), used for sorting: hiragana, katakana or half-width kana "
                + "(Latin letters and digits allowed, no kanji); stored and returned in full-width katakana, "
                + "e.g. みどりのもり → ミドリノモリ", required = true) @NotBlank @Size(max = 200) String nameKana,
        @Schema(description = "Corporate number (法人番号), 13 digits with a valid check digit") @Size(max = 20) String corporateNumber,
        @Schema(description = "Name of the representative (代表者名)") @Size(max = 100) String representativeName,
        @Schema(description = "Postal code (郵便番号)") @Size(max = 20) String postalCode,
        @Schema(description = "Address (所在地)") @Size(max = 300) String address,
        @Schema(description = "Contact (連絡先)") @Valid ContactInput contact,
        @Schema(description = "Whether address and contact appear in the public directory") Boolean contactPublic,
        @Schema(description = "Fields of activity (活動分野)") @Size(max = 11) List<@NotNull FieldOfActivity> fields,
        @Schema(description = "What the organisation does (活動内容)") @Size(max = 4000) String description) {
}
