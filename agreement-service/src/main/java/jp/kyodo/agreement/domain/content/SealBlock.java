package jp.kyodo.agreement.domain.content;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A party's 記名押印 block as it will stand on the signed document: address, the name the organisation signs under,
 * the signer's title and name, and for the city the department to contact. Entered by the party in the working
 * copy, frozen and hashed with the version; it names a person, so it never appears in a public summary or an event.
 * For the city: 「○○市 代表者 ○○市長」, or the official with delegated authority (専決権者) and the department as
 * contact.
 */
@Schema(name = "SealBlock", description = "記名押印欄: how the party signs (address, name, title and name of the signer)")
public record SealBlock(
        @Schema(description = "Address (住所・所在地)", maxLength = 200) @Size(max = 200) String address,
        @Schema(description = "Name the organisation signs under (団体名・市名); the directory's name when omitted",
                maxLength = 200) @Size(max = 200) String organizationName,
        @Schema(description = "Title of the signer (役職), e.g. 代表理事, 横浜市長, 市民局長（専決）", maxLength = 100)
        @Size(max = 100) String title,
        @Schema(description = "Name of the signer (氏名)", maxLength = 100) @Size(max = 100) String name,
        @Schema(description = "Department to contact (担当課), for the city", maxLength = 200) @Size(max = 200)
        String contact) {
}
