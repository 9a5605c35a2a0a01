package jp.kyodo.agreement.api.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.CostReport;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.OutcomeOwnership;
import jp.kyodo.agreement.domain.Settlement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Clause;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.procedure.FormProcedure;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.agreement.service.Agreements;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * Agreements as open data (公開), for anyone, as JSON or CSV under CC BY 4.0: the public summary of every ACTIVE and
 * COMPLETED agreement (the version in force, never a pending amendment or a working copy), and its costs per party
 * and fiscal year with the actual-cost reports and settlements (public money is public). Liabilities, milestones,
 * roles in prose, clauses not marked public, signatures and people never appear.
 */
@Path("/api/agreements/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
public class OpenDataResource {

    private static final List<AgreementState> PUBLIC_STATES = List.of(AgreementState.ACTIVE, AgreementState.COMPLETED);

    public static final OpenDataset<AgreementRecord> AGREEMENTS = OpenDataset.of("agreements",
            "協働契約（協定）の公開情報", AgreementRecord.class, "partyNames", "tasks", "outcomeOwnership", "publicClauses");

    public static final OpenDataset<AgreementCostRecord> COSTS = OpenDataset.of("agreement-costs",
            "協働契約（協定）の当事者別・年度別の費用", AgreementCostRecord.class);

    @Inject
    OpenDataResponses openData;

    @Inject
    Procedures procedures;

    /** Whether the party may be named in public (an adopt group only with its consent). */
    private boolean named(AgreementContent content, Party party) {
        return procedures.of(content.form()).namesPartyPublicly(content, party);
    }

    @GET
    @Path("agreements")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(summary = "Agreements in force and completed as open data (協定の公開データ)", description = "Anonymous. The "
            + "public summary of every ACTIVE and COMPLETED agreement (its version in force), oldest first; JSON by "
            + "default, CSV with Accept: text/csv or ?format=csv. fiscalYear keeps agreements whose term touches that "
            + "fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response agreements(
            @Parameter(description = "Fiscal year (年度) the term touches, e.g. 2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(AGREEMENTS, fiscalYear, format, headers, FiscalYear::of, this::agreementsIn);
    }

    /** The public summary of each agreement whose term touches the fiscal year (null: every year), oldest first. */
    private List<AgreementRecord> agreementsIn(Integer year) {
        List<AgreementRecord> records = new ArrayList<>();
        for (FormDatasets.Published p : published()) {
            if (year == null || fiscalYearsOf(p).contains(year)) {
                records.add(AgreementRecord.of(p.agreement(), p.content(), procedures.of(p.content().form())));
            }
        }
        return records;
    }

    @GET
    @Path("agreement-costs")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(summary = "Costs of agreements per party and fiscal year as open data (協定の費用分担)", description = "Anonymous. "
            + "One record per ACTIVE or COMPLETED agreement, party and fiscal year of its term: the planned cost and, "
            + "once filed, the actual-cost report (実績報告) and settlement (精算). JSON by default, CSV with Accept: "
            + "text/csv or ?format=csv; fiscalYear keeps that year's records.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response costs(
            @Parameter(description = "Fiscal year (年度), e.g. 2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(COSTS, fiscalYear, format, headers, FiscalYear::of, this::costsIn);
    }

    /** One record per published agreement, party and fiscal year of its term (null: every year). */
    private List<AgreementCostRecord> costsIn(Integer year) {
        List<AgreementCostRecord> records = new ArrayList<>();
        for (FormDatasets.Published p : published()) {
            AgreementContent c = p.content();
            CostTotals totals = CostTotals.of(c);
            List<CostReport> reports = CostReport.allOf(p.agreement().id);
            List<Settlement> settlements = Settlement.allOf(p.agreement().id);
            for (int fy : fiscalYearsOf(p)) {
                if (year != null && fy != year) {
                    continue;
                }
                for (Party party : c.parties()) {
                    Optional<CostReport> report = reports.stream()
                            .filter(r -> r.organizationId.equals(party.organizationId()) && r.fiscalYear == fy).findFirst();
                    Optional<Settlement> settlement = settlements.stream()
                            .filter(s -> s.organizationId.equals(party.organizationId()) && s.fiscalYear == fy).findFirst();
                    long planned = totals.perPartyAndYear().getOrDefault(party.organizationId(), Map.of()).getOrDefault(fy, 0L);
                    records.add(new AgreementCostRecord(p.agreement().id, c.title(), p.agreement().state, fy,
                            named(p.content(), party) ? party.organizationId() : null,
                            named(p.content(), party) ? party.name() : null, party.actorType(), party.isCityDepartment(), planned,
                            c.costs().consumptionTaxIncluded(), report.map(r -> r.actualTotalYen).orElse(null),
                            settlement.map(s -> s.confirmedAmountYen).orElse(null),
                            settlement.map(s -> s.toPayYen).orElse(null), settlement.map(s -> s.toReturnYen).orElse(null)));
                }
            }
        }
        return records;
    }

    @GET
    @Path("subsidy-grants")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportSubsidyGrants", summary = "Subsidy grants as open data (補助金の交付決定と確定額)",
            description = "Anonymous. One record per fiscal year's grant of every SUBSIDY in force or completed: the "
                    + "decision (amount, rate, cap) and, once fixed, the fixed amount — the public record of public "
                    + "money. JSON by default, CSV with Accept: text/csv or ?format=csv; fiscalYear keeps that year's "
                    + "grants.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response subsidyGrants(
            @Parameter(description = "Fiscal year (年度) of the grants, e.g. 2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(FormDatasets.GRANTS, fiscalYear, format, headers, FiscalYear::of,
                year -> FormDatasets.grants(published(), year));
    }

    @GET
    @Path("endorsed-events")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportEndorsedEvents", summary = "Endorsed events as open data (後援した事業)",
            description = "Anonymous. Every event the city approved the use of its name for (ENDORSEMENT in force or "
                    + "completed): event, dates, place, organiser, fee, expected audience, approval. JSON by default, CSV "
                    + "with Accept: text/csv or ?format=csv; fiscalYear keeps events starting in that year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response endorsedEvents(
            @Parameter(description = "Fiscal year (年度) the event starts in, e.g. 2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(FormDatasets.ENDORSED_EVENTS, fiscalYear, format, headers, FiscalYear::of,
                year -> FormDatasets.endorsedEvents(published(), year));
    }

    @GET
    @Path("adopted-places")
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportAdoptedPlaces", summary = "The register of adopted places as open data (アダプト登録箇所)",
            description = "Anonymous. Every public place adopted by a volunteer group (ADOPT_PROGRAM in force or "
                    + "completed): place, kind, location, extent, period, activities reported; the group's name only "
                    + "when it consented (the name of a small residents' group can identify people). JSON by default, "
                    + "CSV with Accept: text/csv or ?format=csv; fiscalYear keeps registrations in force that year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataDocument.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response adoptedPlaces(
            @Parameter(description = "Fiscal year (年度) of the registration, e.g. 2027") @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(FormDatasets.ADOPTED_PLACES, fiscalYear, format, headers, FiscalYear::of,
                year -> FormDatasets.adoptedPlaces(published(), year));
    }

    /** ACTIVE and COMPLETED agreements with their version in force, oldest first. */
    private static List<FormDatasets.Published> published() {
        return Agreement.<Agreement>list("state in ?1 and versionInForce is not null order by createdAt, id", PUBLIC_STATES)
                .stream().map(a -> new FormDatasets.Published(a, Agreements.inForce(a))).toList();
    }

    /** The fiscal years the term touches (costs can only be planned in those). */
    private static List<Integer> fiscalYearsOf(FormDatasets.Published p) {
        return p.content().term().fiscalYears();
    }

    /** One agreement's public summary: the columns of agreements.csv. */
    @Schema(name = "OpenDataAgreement", description = "The public summary of an agreement in force or completed (協定の公表)")
    public record AgreementRecord(
            @Schema(description = "Id") UUID agreementId,
            @Schema(description = "The adopted proposal it came from; empty when staff opened it directly") UUID proposalId,
            @Schema(description = "Title (事業名)") String title,
            @Schema(description = "ACTIVE (締結済み) or COMPLETED (完了)") AgreementState state,
            @Schema(description = "Form (協働の形態)") CollaborationForm collaborationForm,
            @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
            @Schema(description = "Field (活動分野)") FieldOfActivity field,
            @Schema(description = "Purpose (事業目的)") String purpose,
            @Schema(description = "First day of the term (協定期間)") LocalDate termStart,
            @Schema(description = "Last day of the term") LocalDate termEnd,
            @Schema(description = "Fiscal years (年度) of the term; in CSV separated by ;") List<Integer> fiscalYears,
            @Schema(description = "The version in force (第N版)") Integer documentVersion,
            @Schema(description = "Parties (当事者; an adopt group only with its consent to be named); in CSV separated by ;")
            List<UUID> partyOrganizationIds,
            @Schema(description = "Their names, same order; in CSV one per line") List<String> partyNames,
            @Schema(description = "Tasks as \"party: task\" (役割分担); in CSV one per line") List<String> tasks,
            @Schema(description = "All parties' costs, whole yen (事業費)") long totalCostYen,
            @Schema(description = "The city's share, whole yen (市の負担額)") long cityShareYen,
            @Schema(description = "Whether amounts include consumption tax (消費税込み)") Boolean consumptionTaxIncluded,
            @Schema(description = "Estimated value of contributions in kind, whole yen (現物・役務の提供)") long inKindValueYen,
            @Schema(description = "Outcome ownership per deliverable as \"deliverable: OWNER\" (成果の帰属); in CSV one per line") List<String> outcomeOwnership,
            @Schema(description = "Clauses the parties marked public as \"heading: text\"; in CSV one per line") List<String> publicClauses,
            @Schema(description = "Day of completion (完了日), Asia/Tokyo; empty while ACTIVE") LocalDate completedOn) {

        static AgreementRecord of(Agreement a, AgreementContent c, FormProcedure procedure) {
            CostTotals totals = CostTotals.of(c);
            List<Party> named = c.parties().stream().filter(p -> procedure.namesPartyPublicly(c, p)).toList();
            return new AgreementRecord(a.id, a.proposalId, c.title(), a.state, c.form(), c.activityArea(), c.field(),
                    c.purpose(), c.term().start(), c.term().end(), c.term().fiscalYears(), a.versionInForce,
                    named.stream().map(Party::organizationId).toList(),
                    named.stream().map(p -> Objects.toString(p.name(), "")).toList(),
                    c.tasks().stream().map(t -> c.party(t.responsiblePartyId()).filter(named::contains).map(Party::name)
                            .orElse("登録団体") + ": " + t.description()).toList(),
                    totals.totalYen(), totals.cityShareYen(), c.costs().consumptionTaxIncluded(),
                    totals.inKindPerParty().values().stream().mapToLong(Long::longValue).sum(),
                    c.deliverables().stream().map(d -> d.name() + ": "
                            + OutcomeOwnership.ownerOf(c.activityArea(), d).map(Enum::name).orElse("")).toList(),
                    c.clauses().stream().filter(Clause::published).map(k -> k.heading() + ": " + k.text()).toList(),
                    a.state == AgreementState.COMPLETED && a.endedAt != null
                            ? a.endedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate() : null);
        }
    }

    /** One party's costs in one fiscal year of one agreement: the columns of agreement-costs.csv. */
    @Schema(name = "OpenDataAgreementCost", description = "One party's costs in one fiscal year of an agreement (費用分担)")
    public record AgreementCostRecord(
            @Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "Its title (事業名)") String title,
            @Schema(description = "ACTIVE or COMPLETED") AgreementState state,
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "The party (当事者)") UUID organizationId,
            @Schema(description = "Its name") String organizationName,
            @Schema(description = "Its actor type (協働の主体)") ActorType actorType,
            @Schema(description = "Whether it is a city department (市)") boolean cityParty,
            @Schema(description = "Cost planned in the agreement, whole yen (負担額)") long plannedCostYen,
            @Schema(description = "Whether amounts include consumption tax") Boolean consumptionTaxIncluded,
            @Schema(description = "Actual cost reported (実績報告), whole yen; empty until filed") Long reportedActualCostYen,
            @Schema(description = "Amount the settlement confirmed (精算額), whole yen; empty until settled") Long confirmedAmountYen,
            @Schema(description = "Still to be paid by the city, whole yen") Long toPayYen,
            @Schema(description = "To be returned to the city, whole yen (返還額)") Long toReturnYen) {
    }
}
