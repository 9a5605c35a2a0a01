package jp.kyodo.proposal.service.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.PublishedDataset;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriod;
import jp.kyodo.proposal.domain.publiccomment.CommentPeriodStatus;
import jp.kyodo.proposal.domain.publiccomment.CommentSubjectKind;
import jp.kyodo.proposal.domain.publiccomment.OpinionGroup;
import jp.kyodo.proposal.domain.publiccomment.ResponseKind;

/**
 * Published public comment results as open data: one record per group of opinions, with how many comments it covers
 * and the city's view. Never who commented, their address or their words.
 */
@ApplicationScoped
public class CommentResultQueries {

    /** One published group of opinions. */
    @PublishedDataset(name = "public-comment-results", title = "意見公募の結果（意見の概要と市の考え方）",
            summary = "Published public comment results as open data (意見公募の結果)",
            description = "One record per group of opinions of every published result: the summary, how many comments "
                    + "it covers and the city's view. Never who commented or their words. fiscalYear keeps the results "
                    + "of periods opening in that fiscal year.")
    @Schema(name = "OpenDataCommentResult", description = "One group of opinions of a published public comment result"
            + " with the city's view (意見公募の結果)")
    public record CommentResultRecord(
            @Schema(description = "The comment period (意見公募)") UUID periodId,
            @Schema(description = "Title of the draft consulted on (案件名)") String title,
            @Schema(description = "What the draft is: GUIDELINE (指針), PLAN (計画), ORDINANCE (条例案) or THEME "
                    + "(協働テーマ案)") CommentSubjectKind subjectKind,
            @Schema(description = "The department responsible (担当課)") UUID departmentId,
            @Schema(description = "Fiscal year (年度) of the period's first day") int fiscalYear,
            @Schema(description = "First day of the period (募集開始日)") LocalDate opensOn,
            @Schema(description = "Last day of the period (募集締切日)") LocalDate closesOn,
            @Schema(description = "Comments received in the period (意見の件数)") int commentCount,
            @Schema(description = "Number of this group of opinions in the result (番号)") int groupNumber,
            @Schema(description = "What the opinions are about", nullable = true) String topic,
            @Schema(description = "Summary of the opinions (意見の概要)") String opinionSummary,
            @Schema(description = "Comments this group covers") int opinionCount,
            @Schema(description = "The city's view (市の考え方)") String cityView,
            @Schema(description = "How the draft answers: AMENDED (修正した), ALREADY_INCLUDED (既に盛り込み済み), "
                    + "FOR_FUTURE_REFERENCE (今後の参考), NOT_AMENDED (修正しない) or OTHER") ResponseKind response,
            @Schema(description = "What changed in the draft, when something did", nullable = true) String change,
            @Schema(description = "Day the result was published (結果の公表日), Asia/Tokyo") LocalDate publishedOn) {
    }

    /** The groups of every published result of the fiscal year of the period's first day (null: every year). */
    @Transactional
    public List<CommentResultRecord> published(FiscalYear year) {
        List<CommentPeriod> published = CommentPeriod.list("status = ?1 order by opensOn, id",
                CommentPeriodStatus.RESULT_PUBLISHED);
        List<CommentResultRecord> records = new ArrayList<>();
        for (CommentPeriod p : published) {
            if (year != null && p.fiscalYear() != year.year()) {
                continue;
            }
            LocalDate publishedOn = LocalDate.ofInstant(p.resultPublishedAt, FiscalYear.CITY_ZONE);
            for (OpinionGroup g : p.result) {
                records.add(new CommentResultRecord(p.id, p.title, p.subjectKind, p.departmentId, p.fiscalYear(),
                        p.opensOn, p.closesOn, p.commentCount, g.number(), g.topic(), g.opinionSummary(),
                        g.receiptNumbers().size(), g.cityView(), g.response(), g.change(), publishedOn));
            }
        }
        return records;
    }
}
