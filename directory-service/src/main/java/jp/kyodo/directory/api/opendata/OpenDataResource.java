package jp.kyodo.directory.api.opendata;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * The public directory as open data (公開): every VERIFIED organisation's public fields, for anyone, as JSON or CSV
 * under CC BY 4.0. Never members, representatives, eligibility evidence or contact details other than a web site the
 * organisation chose to publish: phone numbers, e-mail and postal addresses of small groups are often a person's, and
 * a bulk export under an open licence cannot be recalled.
 */
@Path("/api/directory/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
public class OpenDataResource {

    public static final OpenDataset<OrganizationRecord> ORGANIZATIONS = OpenDataset.of("organizations",
            "協働の主体（確認済みの団体）の公開情報", OrganizationRecord.class);

    @Inject
    OpenDataResponses openData;

    @GET
    @Path("organizations")
    @Transactional
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportOrganizations", summary = "Verified organisations as open data (団体の公開データ)", description = "Anonymous. Every VERIFIED "
            + "organisation's public fields, in kana order; JSON by default, CSV with Accept: text/csv or ?format=csv. "
            + "fiscalYear keeps those registered in that fiscal year (April–March, Asia/Tokyo).")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = OrganizationRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response organizations(
            @Parameter(description = "Fiscal year (年度) of registration, e.g. 2027", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(ORGANIZATIONS, fiscalYear, format, headers, FiscalYear::of,
                OpenDataResource::organizationsIn);
    }

    /** The verified organisations registered in the fiscal year (null: every year), in kana order. */
    private static List<OrganizationRecord> organizationsIn(Integer year) {
        List<Organization> verified = year == null
                ? Organization.<Organization>list("select distinct o from Organization o left join fetch o.fields "
                        + "where o.status = ?1 order by o.kanaSort, o.id", OrganizationStatus.VERIFIED)
                : Organization.<Organization>list("select distinct o from Organization o left join fetch o.fields "
                        + "where o.status = ?1 and o.registeredAt >= ?2 and o.registeredAt < ?3 order by o.kanaSort, o.id",
                        OrganizationStatus.VERIFIED, startOf(FiscalYear.of(year)), startOf(FiscalYear.of(year).next()));
        return verified.stream().map(OrganizationRecord::of).toList();
    }

    private static OffsetDateTime startOf(FiscalYear year) {
        return year.firstDay().atStartOfDay(FiscalYear.CITY_ZONE).toOffsetDateTime();
    }

    /** One verified organisation: the columns of organizations.csv. */
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
}
