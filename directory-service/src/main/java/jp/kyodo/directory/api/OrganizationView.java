package jp.kyodo.directory.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.ActorTraits;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.domain.PostalCode;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FieldOfActivity;

@Schema(name = "Organization", description = "An organisation as its members and city staff see it (団体情報)")
public record OrganizationView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "Actor type (協働の主体)") ActorType type,
        @Schema(description = "Traits of the type (特性)") List<TraitView> traits,
        @Schema(description = "Eligibility status (提案者の要件の確認)") OrganizationStatus status,
        @Schema(description = "Name (団体名)") String name,
        @Schema(description = "Reading of the name (フリガナ) in full-width katakana, e.g. ミドリノモリ", nullable = true) String nameKana,
        @Schema(description = "Corporate number (法人番号)", nullable = true) String corporateNumber,
        @Schema(description = "Representative's name (代表者名)", nullable = true) String representativeName,
        @Schema(description = "Postal code (郵便番号), 123-4567", nullable = true) String postalCode,
        @Schema(description = "Address (所在地)", nullable = true) String address,
        @Schema(description = "Contact (連絡先)", nullable = true) ContactView contact,
        @Schema(description = "Whether address and contact appear in the public directory") boolean contactPublic,
        @Schema(description = "Fields of activity (活動分野)") List<FieldOfActivity> fields,
        @Schema(description = "What the organisation does (活動内容)", nullable = true) String description,
        @Schema(description = "Subject of the representative (代表者), if any", nullable = true) String representativeSubject,
        @Schema(description = "When it was registered") OffsetDateTime registeredAt,
        @Schema(description = "When it last changed") OffsetDateTime updatedAt,
        @Schema(description = "Version; also the ETag") long version) {

    public static OrganizationView of(Organization o) {
        return new OrganizationView(o.id, o.type, traitsOf(o.type), o.status, o.name, o.nameKana, o.corporateNumber,
                o.representativeName, o.postalCode == null ? null : new PostalCode(o.postalCode).display(), o.address,
                ContactView.of(o.contact), o.contactPublic, o.fields.stream().sorted().toList(), o.description,
                o.representative().map(m -> m.subject).orElse(null), o.registeredAt, o.updatedAt, o.version);
    }

    static List<TraitView> traitsOf(ActorType type) {
        return ActorTraits.of(type).stream().map(t -> new TraitView(t.code(), t.ja())).toList();
    }
}
