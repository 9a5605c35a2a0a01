package jp.kyodo.directory.service.opendata;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.PublishedDataset;

/** One verified organisation: the columns of organizations.csv. */
@PublishedDataset(name = "organizations", title = "協働の主体（確認済みの団体）の公開情報",
        summary = "Verified organisations as open data (団体の公開データ)",
        description = "Every VERIFIED organisation's public fields, in kana order. fiscalYear keeps those registered in "
                + "that fiscal year (April–March, Asia/Tokyo).")
@Schema(name = "OpenDataOrganization", description = "A verified organisation's public fields (団体の公開情報)")
public record OrganizationRecord(
        @Schema(description = "Id in the directory") UUID organizationId,
        @Schema(description = "Actor type (協働の主体の種別)") ActorType actorType,
        @Schema(description = "Name (団体名)") String name,
        @Schema(description = "Kana reading (フリガナ)", nullable = true) String nameKana,
        @Schema(description = "Corporate number (法人番号), where it has one", nullable = true) String corporateNumber,
        @Schema(description = "Fields of activity (活動分野); in CSV separated by ;") List<FieldOfActivity> fields,
        @Schema(description = "What it does (活動内容)", nullable = true) String description,
        @Schema(description = "Web site, only if the organisation publishes its contact", nullable = true) String website,
        @Schema(description = "Day of registration (登録日), Asia/Tokyo") LocalDate registeredOn,
        @Schema(description = "Fiscal year (年度) of registration") int registeredFiscalYear) {

    static OrganizationRecord of(Organization o) {
        LocalDate registered = o.registeredAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate();
        return new OrganizationRecord(o.id, o.type, o.name, o.nameKana, o.corporateNumber,
                o.fields.stream().sorted().toList(), o.description,
                o.contactPublic && o.contact != null ? o.contact.website : null, registered,
                FiscalYear.containing(registered).year());
    }
}
