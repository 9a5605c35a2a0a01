package jp.kyodo.evaluation.service.programme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jp.kyodo.evaluation.service.programme.ProgrammeReport.Breakdown;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.Count;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.YearFigures;
import jp.kyodo.platform.opendata.OpenDataset;

/**
 * The report as one long table for the CSV (open data): one row per figure, named by section, dimension, value and
 * measure, so that a spreadsheet can pivot it. A hidden cell has no value and {@code hidden} true.
 */
public final class ProgrammeReportRows {

    /** One figure of the report. */
    public record Row(int fiscalYear, String section, String dimension, String key, String measure, String value,
            boolean hidden) {
    }

    public static final OpenDataset<Row> DATASET = OpenDataset.of("programme-report",
            "協働推進の年次報告（条例の見直し資料）", Row.class);

    private ProgrammeReportRows() {
    }

    public static List<Row> of(ProgrammeReport report) {
        List<Row> rows = new ArrayList<>();
        for (YearFigures y : report.years()) {
            int fy = y.fiscalYear();
            var c = y.consultations();
            rows.add(row(fy, "consultations", "total", "", "received", c.received()));
            rows.add(row(fy, "consultations", "total", "", "closed", c.closed()));
            counts(rows, fy, "consultations", "channel", c.byChannel());
            counts(rows, fy, "consultations", "field", c.byField());
            counts(rows, fy, "consultations", "outcome", c.byOutcome());
            var p = y.proposals();
            rows.add(row(fy, "proposals", "total", "", "received", p.received()));
            rows.add(row(fy, "proposals", "total", "", "adopted", p.adopted()));
            rows.add(row(fy, "proposals", "total", "", "notAdopted", p.notAdopted()));
            rows.add(row(fy, "proposals", "total", "", "withdrawn", p.withdrawn()));
            rows.add(row(fy, "proposals", "total", "", "notPursued", p.notPursued()));
            breakdowns(rows, fy, "origin", p.byOrigin());
            breakdowns(rows, fy, "field", p.byField());
            breakdowns(rows, fy, "form", p.byForm());
            breakdowns(rows, fy, "actorType", p.byActorType());
            breakdowns(rows, fy, "department", p.byDepartment());
            duration(rows, fy, "submissionToDecision", y.durations().submissionToDecision());
            duration(rows, fy, "adoptionToAgreement", y.durations().adoptionToAgreement());
            var m = y.money();
            rows.add(row(fy, "agreements", "total", "", "activated", m.agreementsActivated()));
            for (var f : m.byForm()) {
                rows.add(row(fy, "agreements", "form", f.form(), "agreements", f.agreements()));
                rows.add(row(fy, "money", "form", f.form(), "cityShareYen", f.cityShareYen()));
                rows.add(row(fy, "money", "form", f.form(), "partnerShareYen", f.partnerShareYen()));
                rows.add(row(fy, "money", "form", f.form(), "settledYen", f.settledYen()));
                rows.add(row(fy, "money", "form", f.form(), "returnedYen", f.returnedYen()));
            }
            var e = y.evaluations();
            rows.add(row(fy, "evaluations", "total", "", "finishedRounds", e.finished()));
            rows.add(row(fy, "evaluations", "total", "", "publishedRounds", e.published()));
            rows.add(decimal(fy, "evaluations", "total", "", "publishedShare", e.publishedShare(), false));
            rows.add(decimal(fy, "evaluations", "total", "", "divergentItemShare", e.divergentItemShare(),
                    e.tracks().stream().anyMatch(ProgrammeReport.TrackFigures::hidden)));
            for (var t : e.tracks()) {
                rows.add(decimal(fy, "evaluations", "track", t.track(), "mean", t.mean(), t.hidden()));
                for (int score = 1; score <= 5; score++) {
                    rows.add(t.hidden() ? hidden(fy, "evaluations", "track", t.track(), "score" + score)
                            : row(fy, "evaluations", "track", t.track(), "score" + score, t.distribution().get(score - 1)));
                }
            }
            var pc = y.publicComments();
            rows.add(row(fy, "publicComments", "total", "", "periods", pc.periods()));
            rows.add(row(fy, "publicComments", "total", "", "commentsReceived", pc.commentsReceived()));
            rows.add(row(fy, "publicComments", "total", "", "resultsPublished", pc.resultsPublished()));
        }
        return rows;
    }

    private static void counts(List<Row> rows, int fy, String section, String dimension, List<Count> counts) {
        for (Count c : counts) {
            rows.add(c.hidden() ? hidden(fy, section, dimension, c.key(), "count")
                    : row(fy, section, dimension, c.key(), "count", c.count()));
        }
    }

    private static void breakdowns(List<Row> rows, int fy, String dimension, List<Breakdown> breakdowns) {
        for (Breakdown b : breakdowns) {
            rows.add(row(fy, "proposals", dimension, b.key(), "received", b.received()));
            rows.add(row(fy, "proposals", dimension, b.key(), "adopted", b.adopted()));
        }
    }

    private static void duration(List<Row> rows, int fy, String key, ProgrammeReport.Duration d) {
        rows.add(row(fy, "durations", "step", key, "cases", d.cases()));
        rows.add(decimal(fy, "durations", "step", key, "medianDays", d.medianDays(), d.hidden()));
        rows.add(decimal(fy, "durations", "step", key, "meanDays", d.meanDays(), d.hidden()));
    }

    private static Row row(int fy, String section, String dimension, String key, String measure, long value) {
        return new Row(fy, section, dimension, key, measure, Long.toString(value), false);
    }

    private static Row decimal(int fy, String section, String dimension, String key, String measure, BigDecimal value,
            boolean hidden) {
        return new Row(fy, section, dimension, key, measure, hidden || value == null ? null : value.toPlainString(),
                hidden);
    }

    private static Row hidden(int fy, String section, String dimension, String key, String measure) {
        return new Row(fy, section, dimension, key, measure, null, true);
    }
}
