package jp.kyodo.proposal.api.opendata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocument;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.opendata.OpenDataset;
import jp.kyodo.proposal.domain.BudgetLine;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ScreeningResult;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.service.ScreeningService;

/**
 * Proposals as open data (公開), for anyone, as JSON or CSV under CC BY 4.0: adopted proposals with their decision
 * and rationale, one record each; of the rest only counts per theme (and per fiscal year for citizen-initiated
 * proposals, which answer no theme). Proposals not adopted, withdrawn or not pursued never appear one by one, nor
 * do drafts, reviewers, their scores or comments, consultation threads or people.
 */
@Path("/api/proposals/open-data")
@Tag(name = "Open data", description = "公開データ: published records as JSON or CSV (UTF-8 with BOM), CC BY 4.0, without login")
public class OpenDataResource {

    public static final OpenDataset<AdoptedProposalRecord> ADOPTED_PROPOSALS = OpenDataset.of("adopted-proposals",
            "採択された協働事業提案", AdoptedProposalRecord.class, "goals", "proposingOrganizationNames");

    public static final OpenDataset<ThemeOutcomeRecord> THEME_OUTCOMES = OpenDataset.of("theme-outcomes",
            "協働テーマごとの提案件数と結果", ThemeOutcomeRecord.class);

    @Inject
    ScreeningService screenings;

    @Inject
    EntityManager entityManager;

    @Inject
    OpenDataResponses openData;

    @GET
    @Path("adopted-proposals")
    @Transactional
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportAdoptedProposals", summary = "Adopted proposals as open data (採択提案の公開データ)", description = "Anonymous. Every ADOPTED "
            + "proposal with its decision, the committee's rationale and the aggregate screening result, ordered by "
            + "fiscal year and reference number; JSON by default, CSV with Accept: text/csv or ?format=csv. fiscalYear "
            + "is the proposal's fiscal year (that of its theme, or of its submission).")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = AdoptedProposalRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response adoptedProposals(
            @Parameter(description = "Fiscal year (年度), e.g. 2027", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(ADOPTED_PROPOSALS, fiscalYear, format, headers, FiscalYear::of,
                this::adoptedProposalsIn);
    }

    /** The adopted proposals of the fiscal year (null: every year), by fiscal year and reference number. */
    private List<AdoptedProposalRecord> adoptedProposalsIn(Integer year) {
        List<Proposal> adopted = year == null
                ? Proposal.<Proposal>list("status = ?1 order by fiscalYear, referenceNumber, id", ProposalStatus.ADOPTED)
                : Proposal.<Proposal>list("status = ?1 and fiscalYear = ?2 order by fiscalYear, referenceNumber, id",
                        ProposalStatus.ADOPTED, year);
        Set<UUID> themeIds = new LinkedHashSet<>();
        Set<UUID> organizationIds = new LinkedHashSet<>();
        for (Proposal p : adopted) {
            if (p.themeId != null) {
                themeIds.add(p.themeId);
            }
            organizationIds.addAll(p.content.proposingOrganizationIds());
            organizationIds.add(p.content.departmentId());
        }
        Map<UUID, String> themeTitles = new HashMap<>();
        if (!themeIds.isEmpty()) {
            Theme.<Theme>list("id in ?1", themeIds).forEach(t -> themeTitles.put(t.id, t.title));
        }
        Map<UUID, String> names = namesOf(organizationIds);
        List<AdoptedProposalRecord> records = adopted.stream()
                .map(p -> AdoptedProposalRecord.of(p, themeTitles.get(p.themeId), names, screenings.publishableResultOf(p)))
                .toList();
        return records;
    }

    @GET
    @Path("theme-outcomes")
    @Transactional
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
    @Operation(operationId = "exportThemeOutcomes", summary = "Proposal counts per theme as open data (テーマ別の提案件数)", description = "Anonymous. For every "
            + "published theme, how many proposals were received and how they ended; citizen-initiated proposals, "
            + "which answer no theme, are counted per fiscal year in a row without theme. Counts only: proposals not "
            + "adopted are never listed one by one. fiscalYear is the theme's (or the proposals') fiscal year.")
    @APIResponse(responseCode = "200", description = "The data set; licence in the Link and X-License headers", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = OpenDataDocument.class,
                    properties = @SchemaProperty(name = "records", type = SchemaType.ARRAY,
                            implementation = ThemeOutcomeRecord.class, description = "The records, one object per CSV row"))),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)) })
    public Response themeOutcomes(
            @Parameter(description = "Fiscal year (年度), e.g. 2027", schema = @Schema(implementation = FiscalYear.class))
            @QueryParam("fiscalYear") String fiscalYear,
            @Parameter(description = "csv or json; overrides Accept") @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        return openData.answer(THEME_OUTCOMES, fiscalYear, format, headers, FiscalYear::of, this::themeOutcomesIn);
    }

    /** The counts per theme, and per fiscal year of the citizen-initiated proposals (null: every year). */
    private List<ThemeOutcomeRecord> themeOutcomesIn(Integer year) {
        List<Theme> themes = year == null ? Theme.<Theme>list("order by fiscalYear, publishedAt, id")
                : Theme.<Theme>list("fiscalYear = ?1 order by fiscalYear, publishedAt, id", year);
        Map<UUID, Map<ProposalStatus, Long>> byTheme = new HashMap<>();
        Map<Integer, Map<ProposalStatus, Long>> citizenByYear = new HashMap<>();
        for (Object[] row : countsByThemeYearAndStatus(year)) {
            ProposalStatus status = ProposalStatus.valueOf((String) row[2]);
            long count = ((Number) row[3]).longValue();
            if (row[0] == null) {
                citizenByYear.computeIfAbsent(((Number) row[1]).intValue(), y -> new EnumMap<>(ProposalStatus.class))
                        .merge(status, count, Long::sum);
            } else {
                byTheme.computeIfAbsent(UUID.fromString((String) row[0]), t -> new EnumMap<>(ProposalStatus.class))
                        .merge(status, count, Long::sum);
            }
        }
        Map<UUID, String> departments = namesOf(themes.stream().map(t -> t.departmentId).toList());
        List<ThemeOutcomeRecord> records = new ArrayList<>();
        for (Theme theme : themes) {
            records.add(ThemeOutcomeRecord.of(theme.fiscalYear, ProposalOrigin.CITY_INITIATED, theme.id, theme.title,
                    theme.departmentId, departments.get(theme.departmentId), byTheme.getOrDefault(theme.id, Map.of())));
        }
        citizenByYear.forEach((fy, counts) -> records.add(
                ThemeOutcomeRecord.of(fy, ProposalOrigin.CITIZEN_INITIATED, null, null, null, null, counts)));
        // By fiscal year; within one, the themes as published, then the citizen-initiated row.
        List<ThemeOutcomeRecord> ordered = new ArrayList<>(records);
        ordered.sort(Comparator.comparingInt(ThemeOutcomeRecord::fiscalYear)
                .thenComparing(r -> r.origin() == ProposalOrigin.CITIZEN_INITIATED));
        return ordered;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> countsByThemeYearAndStatus(Integer year) {
        String sql = "select cast(theme_id as text), fiscal_year, status, count(*) from proposal where status <> 'DRAFT'"
                + (year == null ? "" : " and fiscal_year = :year") + " group by theme_id, fiscal_year, status";
        var query = entityManager.createNativeQuery(sql);
        if (year != null) {
            query.setParameter("year", year);
        }
        return query.getResultList();
    }

    /** Organisation names as the directory's events last described them. */
    private static Map<UUID, String> namesOf(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            KnownOrganization.<KnownOrganization>list("id in ?1", Set.copyOf(ids)).forEach(o -> names.put(o.id, o.name));
        }
        return names;
    }

    /** One adopted proposal: the columns of adopted-proposals.csv. */
    @Schema(name = "OpenDataAdoptedProposal", description = "An adopted proposal with its decision (採択された提案)")
    public record AdoptedProposalRecord(
            @Schema(description = "Id") UUID proposalId,
            @Schema(description = "Reference number (受付番号), e.g. 2027-0012") String referenceNumber,
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "Origin (発意)") ProposalOrigin origin,
            @Schema(description = "The theme answered; empty for a citizen-initiated proposal", nullable = true) UUID themeId,
            @Schema(description = "Title of the theme (協働テーマ)", nullable = true) String themeTitle,
            @Schema(description = "Title (事業名)") String title,
            @Schema(description = "Local issue (地域課題)", nullable = true) String localIssue,
            @Schema(description = "Goals (目標); in CSV one per line") List<String> goals,
            @Schema(description = "Approach (事業の進め方)", nullable = true) String approach,
            @Schema(description = "Collaboration form (協働の形態)") CollaborationForm collaborationForm,
            @Schema(description = "Activity area (協働の領域)") ActivityArea activityArea,
            @Schema(description = "Field of activity (活動分野)") FieldOfActivity field,
            @Schema(description = "First day of the period (実施期間)", nullable = true) LocalDate periodStart,
            @Schema(description = "Last day of the period", nullable = true) LocalDate periodEnd,
            @Schema(description = "Beneficiaries (受益者)", nullable = true) String beneficiaries,
            @Schema(description = "Expected effects (期待される効果)", nullable = true) String expectedEffects,
            @Schema(description = "Proposing organisations (提案団体); in CSV separated by ;") List<UUID> proposingOrganizationIds,
            @Schema(description = "Their names, same order; in CSV one per line") List<String> proposingOrganizationNames,
            @Schema(description = "The department (所管課)") UUID departmentId,
            @Schema(description = "Its name", nullable = true) String departmentName,
            @Schema(description = "Planned budget of all parties, whole yen (事業費)") long totalBudgetYen,
            @Schema(description = "The city's share of it, whole yen (市の負担額)") long cityShareYen,
            @Schema(description = "Day of the decision (採択日), Asia/Tokyo") LocalDate decidedOn,
            @Schema(description = "The committee's rationale (選考理由)", nullable = true) String decisionRationale,
            @Schema(description = "Reviewers who scored it", nullable = true) Integer reviewerCount,
            @Schema(description = "Weighted mean score, 1–5 (審査結果)", nullable = true) BigDecimal weightedMeanScore) {

        static AdoptedProposalRecord of(Proposal p, String themeTitle, Map<UUID, String> names, ScreeningResult result) {
            ProposalContent c = p.content;
            return new AdoptedProposalRecord(p.id, p.referenceNumber, p.fiscalYear, p.origin, p.themeId, themeTitle,
                    c.title(), c.localIssue(), c.goals(), c.approach(), c.collaborationForm(), c.activityArea(), c.field(),
                    c.period() == null ? null : c.period().start(), c.period() == null ? null : c.period().end(),
                    c.beneficiaries(), c.expectedEffects(), c.proposingOrganizationIds(),
                    c.proposingOrganizationIds().stream().map(id -> names.getOrDefault(id, "")).toList(),
                    c.departmentId(), names.get(c.departmentId()),
                    c.budgetLines().stream().mapToLong(BudgetLine::amountYen).sum(), c.cityShare().amount(),
                    p.decidedAt == null ? null : p.decidedAt.atZone(FiscalYear.CITY_ZONE).toLocalDate(),
                    p.decisionRationale, result == null ? null : result.reviewerCount(),
                    result == null ? null : result.weightedMean());
        }
    }

    /** Counts of one theme's proposals (or of one fiscal year's citizen-initiated ones): the columns of theme-outcomes.csv. */
    @Schema(name = "OpenDataThemeOutcome", description = "How many proposals a theme received and how they ended (counts only)")
    public record ThemeOutcomeRecord(
            @Schema(description = "Fiscal year (年度)") int fiscalYear,
            @Schema(description = "CITY_INITIATED: a theme's row; CITIZEN_INITIATED: the year's proposals without theme") ProposalOrigin origin,
            @Schema(description = "The theme; empty in the citizen-initiated row", nullable = true) UUID themeId,
            @Schema(description = "Title of the theme (協働テーマ)", nullable = true) String themeTitle,
            @Schema(description = "The department that published the theme (所管課)", nullable = true) UUID departmentId,
            @Schema(description = "Its name", nullable = true) String departmentName,
            @Schema(description = "Proposals received: every submitted one (提案件数)") long received,
            @Schema(description = "Adopted (採択)") long adopted,
            @Schema(description = "Not adopted (不採択)") long notAdopted,
            @Schema(description = "Withdrawn by the proposers (取下げ)") long withdrawn,
            @Schema(description = "Consultation closed without screening (相談終了)") long notPursued,
            @Schema(description = "Not decided yet: submitted, in consultation or under screening") long undecided) {

        static ThemeOutcomeRecord of(int fiscalYear, ProposalOrigin origin, UUID themeId, String themeTitle,
                UUID departmentId, String departmentName, Map<ProposalStatus, Long> counts) {
            long received = counts.values().stream().mapToLong(Long::longValue).sum();
            long adopted = counts.getOrDefault(ProposalStatus.ADOPTED, 0L);
            long notAdopted = counts.getOrDefault(ProposalStatus.NOT_ADOPTED, 0L);
            long withdrawn = counts.getOrDefault(ProposalStatus.WITHDRAWN, 0L);
            long notPursued = counts.getOrDefault(ProposalStatus.NOT_PURSUED, 0L);
            return new ThemeOutcomeRecord(fiscalYear, origin, themeId, themeTitle, departmentId, departmentName, received,
                    adopted, notAdopted, withdrawn, notPursued, received - adopted - notAdopted - withdrawn - notPursued);
        }
    }
}
