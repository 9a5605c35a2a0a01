package jp.kyodo.directory.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.domain.PostalCode;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.FieldOfActivity;

@Schema(name = "PublicOrganization", description = "A verified organisation's public entry in the directory (公開団体情報): no members, no personal data")
public record PublicOrganizationView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "Actor type (協働の主体)") ActorType type,
        @Schema(description = "Traits of the type (特性)") List<TraitView> traits,
        @Schema(description = "Name (団体名)") String name,
        @Schema(description = "Reading of the name (フリガナ) in full-width katakana, e.g. ミドリノモリ", nullable = true) String nameKana,
        @Schema(description = "Corporate number (法人番号), public by law", nullable = true) String corporateNumber,
        @Schema(description = "Fields of activity (活動分野)") List<FieldOfActivity> fields,
        @Schema(description = "What the organisation does (活動内容)", nullable = true) String description,
        @Schema(description = "Postal code, only if the organisation publishes its contact", nullable = true) String postalCode,
        @Schema(description = "Address, only if the organisation publishes its contact", nullable = true) String address,
        @Schema(description = "Public contact (公開連絡先), only if the organisation publishes it", nullable = true) ContactView contact) {

    public static PublicOrganizationView of(Organization o) {
        boolean open = o.contactPublic;
        return new PublicOrganizationView(o.id, o.type, OrganizationView.traitsOf(o.type), o.name, o.nameKana,
                o.corporateNumber, o.fields.stream().sorted().toList(), o.description,
                open && o.postalCode != null ? new PostalCode(o.postalCode).display() : null, open ? o.address : null,
                open ? ContactView.of(o.contact) : null);
    }
}
