package jp.kyodo.proposal.service.opendata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataset;
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

    public static final OpenDataset<CommentResultRecord> RESULTS = OpenDataset.of("public-comment-results",
            "意見公募の結果（意見の概要と市の考え方）", CommentResultRecord.class);

    /** One published group of opinions. */
    @Schema(name = "OpenDataCommentResult", description = "One group of opinions of a published public comment result"
            + " with the city's view (意見公募の結果)")
    public record CommentResultRecord(UUID periodId, String title, CommentSubjectKind subjectKind, UUID departmentId,
            int fiscalYear, LocalDate opensOn, LocalDate closesOn, int commentCount, int groupNumber,
            @Schema(description = "What the opinions are about", nullable = true) String topic,
            String opinionSummary, int opinionCount, String cityView, ResponseKind response,
            @Schema(description = "What changed in the draft, when something did", nullable = true) String change,
            LocalDate publishedOn) {
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
