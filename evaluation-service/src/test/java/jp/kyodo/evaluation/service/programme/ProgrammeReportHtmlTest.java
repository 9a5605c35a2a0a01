package jp.kyodo.evaluation.service.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.kyodo.evaluation.service.programme.ProgrammeReport.Breakdown;
import jp.kyodo.evaluation.service.programme.ProgrammeReport.Count;
import jp.kyodo.platform.opendata.OpenDataExport;

/** The HTML document and the CSV rows of a report, without a server (the HTML is kept in target/ to be looked at). */
class ProgrammeReportHtmlTest {

    static ProgrammeReport sample() {
        List<ProgrammeReport.YearFigures> years = new ArrayList<>();
        for (int y = 2025; y <= 2027; y++) {
            int k = y - 2024;
            years.add(new ProgrammeReport.YearFigures(y,
                    new ProgrammeReport.Consultations(20L * k, 15L * k,
                            List.of(new Count("COUNTER", 10L * k, false), new Count("PHONE", 6L * k, false),
                                    new Count("OUTREACH", null, true)),
                            List.of(new Count("CHILD_REARING", 8L * k, false), new Count("WELFARE", 7L * k, false)),
                            List.of(new Count("INFORMATION_GIVEN", 9L * k, false), new Count("MATCHED", null, true))),
                    new ProgrammeReport.Proposals(12L * k, 5L * k, 4L * k, k, 2,
                            List.of(new Breakdown("CITY_INITIATED", 5L * k, 3L * k), new Breakdown("CITIZEN_INITIATED", 7L * k, 2L * k)),
                            List.of(new Breakdown("ENVIRONMENT", 6L * k, 3L * k), new Breakdown("WELFARE", 6L * k, 2L * k)),
                            List.of(new Breakdown("JOINT_FUNDING", 7L * k, 3L * k)),
                            List.of(new Breakdown("CIVIC_GROUP", 9L * k, 4L * k), new Breakdown("COMMUNITY_ASSOCIATION", 3L * k, k)),
                            List.of(new Breakdown("3f2c8a10-5b7e-4c1d-9a2f-0d6e1b4c7a01", 12L * k, 5L * k))),
                    new ProgrammeReport.Durations(ProgrammeReportService.duration(List.of(30.0, 45.5, 61.0 + k)),
                            ProgrammeReportService.duration(List.of(20.0, 25.0))),
                    new ProgrammeReport.Money(4L * k, List.of(
                            new ProgrammeReport.FormMoney("JOINT_FUNDING", 3L * k, 3_000_000L * k, 1_200_000L * k, 2_800_000L, 200_000L),
                            new ProgrammeReport.FormMoney("SUBSIDY", k, 800_000L * k, 300_000L * k, 750_000L, 50_000L)),
                            3_800_000L * k, 1_500_000L * k, 3_550_000L),
                    new ProgrammeReport.Evaluations(6L * k, 5L * k, new BigDecimal("0.8333"),
                            List.of(new ProgrammeReport.TrackFigures("PROJECT", 5L * k, List.of(1L, 3L, 20L, 14L, 4L),
                                    new BigDecimal("3.38"), false),
                                    new ProgrammeReport.TrackFigures("COLLABORATION", 5L * k, List.of(0L, 2L, 18L, 16L, 6L),
                                            new BigDecimal("3.62"), false)),
                            new BigDecimal("0.0455")),
                    new ProgrammeReport.PublicComments(k, 40L * k, k)));
        }
        return new ProgrammeReport(2027, "令和9年度", Instant.parse("2028-06-01T01:00:00Z"), "横浜市 <協働>",
                OpenDataExport.licence("横浜市 <協働>"), 3, years);
    }

    @Test
    void theDocumentHasItsSectionsChartsAndHiddenCellsAndEscapesWhatItQuotes() throws IOException {
        String html = ProgrammeReportHtml.render(sample());
        Path out = Path.of("target", "programme-report-sample.html");
        Files.createDirectories(out.getParent());
        Files.writeString(out, html, StandardCharsets.UTF_8);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">")
                .contains("令和9年度（2027年度） 協働推進の年次報告")
                .contains("1. 総合相談窓口の相談", "2. 協働事業提案と採択", "3. 協定と費用", "4. 評価結果", "5. 意見公募");
        assertThat(html.split("<svg", -1)).hasSize(6);
        assertThat(html).contains("協働負担金").contains("3,000,000 円").contains("—").contains("@media print");
        assertThat(html).contains("横浜市 &lt;協働&gt;").doesNotContain("横浜市 <協働>");
        assertThat(html).doesNotContain("<script");
    }

    @Test
    void theRowsHoldEveryFigureAndLeaveHiddenCellsEmpty() {
        List<ProgrammeReportRows.Row> rows = ProgrammeReportRows.of(sample());
        assertThat(rows).contains(new ProgrammeReportRows.Row(2027, "money", "form", "JOINT_FUNDING", "cityShareYen",
                "9000000", false));
        assertThat(rows).contains(new ProgrammeReportRows.Row(2026, "consultations", "channel", "OUTREACH", "count",
                null, true));
        assertThat(rows).contains(new ProgrammeReportRows.Row(2025, "durations", "step", "adoptionToAgreement",
                "medianDays", null, true));
    }

    @Test
    void durationsUnderTheMinimumAreHiddenAndMediansComputed() {
        assertThat(ProgrammeReportService.duration(List.of())).isEqualTo(new ProgrammeReport.Duration(0, null, null, false));
        assertThat(ProgrammeReportService.duration(List.of(1.0, 2.0)).hidden()).isTrue();
        ProgrammeReport.Duration d = ProgrammeReportService.duration(List.of(10.0, 40.0, 20.0, 30.0));
        assertThat(d.medianDays()).isEqualByComparingTo("25.0");
        assertThat(d.meanDays()).isEqualByComparingTo("25.0");
    }
}
