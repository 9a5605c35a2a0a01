package jp.kyodo.evaluation.service.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.platform.opendata.OpenDataDocument;

/**
 * The programme report (協働推進の年次報告・条例の見直し資料): per fiscal year, the desk's consultations, proposals
 * received and adopted, how long decisions and agreements took, agreements and money by form, evaluation results and
 * public comments, for the report year and the two before it. Every figure is computed from the events the
 * evaluation service consumed and its own evaluations; cells of fewer than the minimum cases are hidden.
 */
@Schema(name = "ProgrammeReport", description = "The programme report (年次報告) for the ordinance review, by fiscal year")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgrammeReport(
        @Schema(description = "The report's fiscal year (年度)", required = true) int fiscalYear,
        @Schema(description = "The report's fiscal year in the Japanese era, e.g. 令和9年度", required = true) String fiscalYearEraName,
        @Schema(description = "When it was computed", required = true) Instant generatedAt,
        @Schema(description = "Who publishes it (the city)", required = true) String publisher,
        @Schema(description = "Licence: CC BY 4.0", required = true) OpenDataDocument.Licence licence,
        @Schema(description = "Cells of fewer cases than this are hidden (small-cell suppression)", required = true) int minimumCases,
        @Schema(description = "The figures of the report year and the two before it, oldest first", required = true) List<YearFigures> years) {

    /** The last of {@link #years}: the report year's own figures. */
    public YearFigures reportYear() {
        return years.get(years.size() - 1);
    }

    @Schema(name = "ProgrammeYearFigures", description = "The figures of one fiscal year")
    public record YearFigures(
            @Schema(description = "Fiscal year", required = true) int fiscalYear,
            @Schema(description = "Consultations at the desk (総合相談窓口)", required = true) Consultations consultations,
            @Schema(description = "Proposals received and adopted (提案・採択)", required = true) Proposals proposals,
            @Schema(description = "How long it took", required = true) Durations durations,
            @Schema(description = "Agreements in force and money by form (協働の形態別の件数と金額)", required = true) Money money,
            @Schema(description = "Evaluation results per track (評価結果)", required = true) Evaluations evaluations,
            @Schema(description = "Public comment (意見公募)", required = true) PublicComments publicComments) {
    }

    @Schema(name = "ProgrammeCount", description = "A count of one value; hidden when fewer than the minimum cases")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(@Schema(description = "The value, e.g. COUNTER or WELFARE", required = true) String key,
            @Schema(description = "How many; absent when hidden", nullable = true) Long count,
            @Schema(description = "Hidden: fewer than the minimum cases", required = true) boolean hidden) {
    }

    @Schema(name = "ProgrammeConsultations", description = "The desk's consultations of the year")
    public record Consultations(@Schema(description = "Consultations received", required = true) long received,
            @Schema(description = "Of them closed", required = true) long closed,
            @Schema(description = "By how they reached the desk", required = true) List<Count> byChannel,
            @Schema(description = "By field", required = true) List<Count> byField,
            @Schema(description = "By what came of them (closed ones)", required = true) List<Count> byOutcome) {
    }

    @Schema(name = "ProgrammeBreakdown", description = "Proposals received and adopted for one value")
    public record Breakdown(@Schema(description = "The value", required = true) String key,
            @Schema(description = "Received (submitted)", required = true) long received,
            @Schema(description = "Adopted", required = true) long adopted) {
    }

    @Schema(name = "ProgrammeProposals", description = "Proposals of the year (by their fiscal year)")
    public record Proposals(@Schema(description = "Received (submitted)", required = true) long received,
            @Schema(description = "Adopted (採択)", required = true) long adopted,
            @Schema(description = "Not adopted (不採択)", required = true) long notAdopted,
            @Schema(description = "Withdrawn (取下げ)", required = true) long withdrawn,
            @Schema(description = "Closed without screening (相談終了)", required = true) long notPursued,
            @Schema(description = "By origin: CITY_INITIATED (行政発意) or CITIZEN_INITIATED (市民発意)", required = true) List<Breakdown> byOrigin,
            @Schema(description = "By field", required = true) List<Breakdown> byField,
            @Schema(description = "By collaboration form wished", required = true) List<Breakdown> byForm,
            @Schema(description = "By actor type of the proposers (a joint proposal counts for each type)", required = true) List<Breakdown> byActorType,
            @Schema(description = "By department (id)", required = true) List<Breakdown> byDepartment) {
    }

    @Schema(name = "ProgrammeDuration", description = "Days between two steps over the cases of the year")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Duration(@Schema(description = "Cases measured", required = true) long cases,
            @Schema(description = "Median in days, one decimal; absent when hidden or no case", nullable = true) BigDecimal medianDays,
            @Schema(description = "Mean in days, one decimal; absent when hidden or no case", nullable = true) BigDecimal meanDays,
            @Schema(description = "Hidden: fewer than the minimum cases", required = true) boolean hidden) {
    }

    @Schema(name = "ProgrammeDurations", description = "How long the procedure took")
    public record Durations(@Schema(description = "From submission to the decision (提出から採否決定まで)", required = true) Duration submissionToDecision,
            @Schema(description = "From adoption to the agreement in force (採択から協定締結まで)", required = true) Duration adoptionToAgreement) {
    }

    @Schema(name = "ProgrammeFormMoney", description = "Agreements and money of one collaboration form in the year")
    public record FormMoney(@Schema(description = "Collaboration form", required = true) String form,
            @Schema(description = "Agreements in force (or completed) with costs in the year", required = true) long agreements,
            @Schema(description = "The city's share (市の負担額) in the year, yen", required = true) long cityShareYen,
            @Schema(description = "The partners' share in the year, yen", required = true) long partnerShareYen,
            @Schema(description = "Settled amounts (精算額) confirmed for the year, yen", required = true) long settledYen,
            @Schema(description = "Of it to be returned (返還額), yen", required = true) long returnedYen) {
    }

    @Schema(name = "ProgrammeMoney", description = "Agreements and money by form in the year")
    public record Money(@Schema(description = "Agreements that came into force in the year", required = true) long agreementsActivated,
            @Schema(description = "Per form", required = true) List<FormMoney> byForm,
            @Schema(description = "The city's share over every form, yen", required = true) long cityShareYen,
            @Schema(description = "The partners' share over every form, yen", required = true) long partnerShareYen,
            @Schema(description = "Settled over every form, yen", required = true) long settledYen) {
    }

    @Schema(name = "ProgrammeTrack", description = "Score distribution of one track (事業の評価 / 協働の評価) over published rounds")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TrackFigures(@Schema(description = "PROJECT or COLLABORATION", required = true) String track,
            @Schema(description = "Published rounds counted", required = true) long rounds,
            @Schema(description = "How many scores of 1, 2, 3, 4 and 5; absent when hidden", nullable = true) List<Long> distribution,
            @Schema(description = "Mean score, two decimals; absent when hidden", nullable = true) BigDecimal mean,
            @Schema(description = "Hidden: fewer than the minimum rounds", required = true) boolean hidden) {
    }

    @Schema(name = "ProgrammeEvaluations", description = "Evaluation rounds of the year")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Evaluations(@Schema(description = "Rounds finished (CLOSED or PUBLISHED)", required = true) long finished,
            @Schema(description = "Of them published (公表)", required = true) long published,
            @Schema(description = "Published share of the finished rounds (0–1); absent without finished rounds", nullable = true) BigDecimal publishedShare,
            @Schema(description = "Per track, never combined", required = true) List<TrackFigures> tracks,
            @Schema(description = "Share of items whose parties' scores diverged by 2 or more (0–1) in published rounds; absent when hidden", nullable = true) BigDecimal divergentItemShare) {
    }

    @Schema(name = "ProgrammePublicComments", description = "Public comment periods opened in the year")
    public record PublicComments(@Schema(description = "Periods opened", required = true) long periods,
            @Schema(description = "Comments received", required = true) long commentsReceived,
            @Schema(description = "Periods whose result is published", required = true) long resultsPublished) {
    }
}
