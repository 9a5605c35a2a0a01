package jp.kyodo.evaluation.service.opendata;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.evaluation.domain.Track;
import jp.kyodo.evaluation.service.EvaluationReader;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.kernel.FiscalYear;

/**
 * Published evaluations as open data (評価結果の公表): exactly what {@code /api/evaluations/published} shows,
 * flattened. Only PUBLISHED rounds; an OPEN, IN_REVIEW or CLOSED round and its scores never appear (the rounds are
 * read as the public reads them, through the seal, by {@link EvaluationReader}). The two tracks stay apart: one row
 * per party and item, never a figure that combines them. Who submitted, recorded or assessed (people) is not
 * exported; the parties (organisations) are, as in the published result.
 */
@ApplicationScoped
public class OpenDataQueries {

    @Inject
    EvaluationReader reader;

    /** Every score of every party in the rounds published for the fiscal year (null: every year). */
    @Transactional
    public List<EvaluationScoreRecord> scores(FiscalYear year) {
        List<EvaluationScoreRecord> records = new ArrayList<>();
        for (RoundResult result : reader.publishedForEveryone(year == null ? null : year.year())) {
            PublishedRound round = PublishedRound.of(result);
            for (RoundResult.PartyResult party : result.assessments()) {
                for (Track track : Track.values()) {
                    for (RoundResult.ScoreResult score : track == Track.PROJECT ? party.project() : party.collaboration()) {
                        records.add(EvaluationScoreRecord.of(round, party, track, score));
                    }
                }
            }
        }
        return records;
    }

    /** The findings and third-party assessments of the rounds published for the fiscal year (null: every year). */
    @Transactional
    public List<EvaluationFindingRecord> findings(FiscalYear year) {
        List<EvaluationFindingRecord> records = new ArrayList<>();
        for (RoundResult result : reader.publishedForEveryone(year == null ? null : year.year())) {
            PublishedRound round = PublishedRound.of(result);
            for (RoundResult.FindingResult finding : result.findings()) {
                records.add(EvaluationFindingRecord.of(round, result, finding));
            }
            if (result.thirdPartyAssessment() != null) {
                records.add(EvaluationFindingRecord.of(round, result.thirdPartyAssessment()));
            }
        }
        return records;
    }
}
