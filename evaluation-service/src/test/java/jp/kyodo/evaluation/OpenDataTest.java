package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.platform.testing.CsvFiles;

/**
 * Published evaluations as open data: per party and item scores of both tracks in separate rows, and the findings
 * and third-party opinions, JSON or CSV (UTF-8 with BOM, CRLF), for anyone, under CC BY 4.0. Nothing of a round that
 * is not PUBLISHED comes out.
 */
@QuarkusTest
class OpenDataTest extends EvaluationTestSupport {

    static final String SCORES = "/api/evaluations/open-data/evaluation-scores";
    static final String FINDINGS = "/api/evaluations/open-data/evaluation-findings";

    static final String SCORES_HEADER = "roundId,planId,agreementId,title,kind,fiscalYear,field,collaborationForm,"
            + "activityArea,publishedOn,organizationId,organizationName,actorType,track,item,targetId,score,reason,"
            + "actualValue,achievementRate";
    static final String FINDINGS_HEADER = "roundId,planId,agreementId,title,kind,fiscalYear,field,collaborationForm,"
            + "activityArea,publishedOn,source,findingId,organizationId,organizationName,item,track,finding,improvement,"
            + "committee,opinion,projectOpinion,collaborationOpinion,recommendations,recordedOn";

    static final String REASON = "対話の場が増え、\"協働\"の輪が広がった。\n次年度も継続したい";
    static final String FINDING = "相乗効果の捉え方に差があった, 双方で確認した";
    static final String IMPROVEMENT = "四半期ごとに\"成果\"を共有する。\n記録は公開する";
    static final String OPINION = "協働の成果が認められる、\"対等\"な関係が築かれた";
    static final String SECRET = "非公開のはずの";

    /** A self-assessment whose line for {@code item} carries {@code reason}. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> withReason(Collaboration c, EvaluationItem item, int score, String reason) {
        Map<String, Object> body = assessment(c, Map.of(item, score));
        for (Object track : body.values()) {
            for (Map<String, Object> line : (List<Map<String, Object>>) track) {
                if (item.name().equals(line.get("item"))) {
                    line.put("reason", reason);
                }
            }
        }
        return body;
    }

    /** Both parties submitted; the partner's synergy reason and the city's schedule reason given. */
    private Reviewed reviewed(Collaboration c, String partnerReason, String cityReason) {
        String planId = activate(c);
        String roundId = openInterim(c, planId);
        submitAs(partner(PARTNER1), roundId, c.partner(), withReason(c, EvaluationItem.COLLABORATION_SYNERGY, 5,
                partnerReason)).then().statusCode(201);
        submitAs(staff(STAFF1), roundId, c.department(), withReason(c, EvaluationItem.PROJECT_SCHEDULE_PROGRESS, 2,
                cityReason)).then().statusCode(201);
        return new Reviewed(c, planId, roundId);
    }

    private void close(Reviewed r, String finding, String improvement) {
        partner(PARTNER1).body(Map.of("actingFor", r.c().partner(), "item", "COLLABORATION_SYNERGY", "finding", finding,
                "improvement", improvement)).post("/api/evaluations/rounds/" + r.roundId() + "/findings").then()
                .statusCode(201);
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post("/api/evaluations/rounds/" + r.roundId() + "/closing").then().statusCode(200);
    }

    private void thirdParty(Reviewed r, String opinion) {
        as(REVIEWER1, "reviewer").body(Map.of("committee", "協働事業評価委員会", "opinion", opinion, "projectOpinion",
                "指標はおおむね達成", "collaborationOpinion", "対話の場が機能した", "recommendations", "他地区への展開を検討されたい"))
                .post("/api/evaluations/rounds/" + r.roundId() + "/third-party-assessment").then().statusCode(201);
    }

    @Test
    void publishedScoresOfBothTracksAsSeparateRowsAndNothingOfUnpublishedRounds() throws Exception {
        int year = nextFiscalYear();
        Reviewed published = reviewed(collaboration("ENVIRONMENT", year), REASON, "雨天で2回中止した");
        close(published, FINDING, IMPROVEMENT);
        thirdParty(published, OPINION);
        publishRound(published);
        // Same fiscal year, never published: CLOSED (even with a third-party assessment), IN_REVIEW, OPEN.
        Reviewed closed = reviewed(collaboration("ENVIRONMENT", year), SECRET + "理由（終了）", SECRET + "理由（市）");
        close(closed, SECRET + "所見", SECRET + "改善策");
        thirdParty(closed, SECRET + "第三者意見");
        Reviewed inReview = reviewed(collaboration("ENVIRONMENT", year), SECRET + "理由（相互評価中）", "x");
        Collaboration open = collaboration("ENVIRONMENT", year);
        String openRound = openInterim(open, activate(open));
        submitAs(partner(PARTNER1), openRound, open.partner(), withReason(open, EvaluationItem.COLLABORATION_SYNERGY, 5,
                SECRET + "理由（自己評価中）")).then().statusCode(201);
        List<String> unpublished = List.of(closed.roundId(), inReview.roundId(), openRound);

        Response json = anonymous().queryParam("fiscalYear", year).get(SCORES).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .body("dataset", equalTo("evaluation-scores")).body("fiscalYear", equalTo(year))
                .body("licence.id", equalTo("CC-BY-4.0")).body("licence.attribution", startsWith("出典: "))
                .body("columns", equalTo(List.of(SCORES_HEADER.split(","))))
                .extract().response();
        assertThat(json.contentType()).startsWith("application/json");
        List<Map<String, Object>> records = json.jsonPath().getList("records");
        assertThat(records).extracting(r -> r.get("roundId")).containsOnly(published.roundId());
        // 2 parties × (7 project lines + 15 collaboration lines), one row each.
        assertThat(records).hasSize(44);
        assertThat(json.jsonPath().getInt("count")).isEqualTo(44);
        assertThat(records).extracting(r -> r.get("organizationId") + "/" + r.get("track"))
                .containsOnly(published.c().partner() + "/PROJECT", published.c().partner() + "/COLLABORATION",
                        published.c().department() + "/PROJECT", published.c().department() + "/COLLABORATION");
        Map<String, Long> perTrack = records.stream().collect(Collectors.groupingBy(r -> (String) r.get("track"),
                Collectors.counting()));
        assertThat(perTrack).containsEntry("PROJECT", 14L).containsEntry("COLLABORATION", 30L);
        assertThat(records).noneMatch(r -> r.get("item") == null || r.get("score") == null);

        List<Map<String, Object>> synergy = records.stream()
                .filter(r -> "COLLABORATION_SYNERGY".equals(r.get("item"))).toList();
        assertThat(synergy).extracting(r -> r.get("organizationName") + "=" + r.get("score"))
                .containsExactlyInAnyOrder("NPO法人みどりの会=5", "環境政策課=3");
        Map<String, Object> partnerSynergy = synergy.stream()
                .filter(r -> published.c().partner().toString().equals(r.get("organizationId"))).findFirst().orElseThrow();
        assertThat(partnerSynergy).containsEntry("reason", REASON).containsEntry("actorType", "CIVIC_GROUP")
                .containsEntry("track", "COLLABORATION").doesNotContainKey("targetId")
                .containsEntry("title", "市民公園の協働管理").containsEntry("kind", "INTERIM")
                .containsEntry("fiscalYear", year).containsEntry("field", "ENVIRONMENT")
                .containsEntry("collaborationForm", "AGREEMENT").containsEntry("activityArea", "C")
                .containsEntry("agreementId", published.c().agreementId().toString())
                .containsEntry("planId", published.planId());
        assertThat((String) partnerSynergy.get("publishedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        Map<String, Object> indicator = records.stream()
                .filter(r -> published.c().indicators().get(0).toString().equals(r.get("targetId"))
                        && published.c().department().toString().equals(r.get("organizationId")))
                .findFirst().orElseThrow();
        assertThat(indicator).containsEntry("item", "PROJECT_INDICATOR_ACHIEVEMENT").containsEntry("track", "PROJECT");
        assertThat(((Number) indicator.get("actualValue")).intValue()).isEqualTo(15);
        assertThat(((Number) indicator.get("achievementRate")).doubleValue()).isEqualTo(125.0);
        assertNothingUnpublished(json.asString(), unpublished);

        Response csv = anonymous().accept("text/csv").queryParam("fiscalYear", year).get(SCORES).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Content-Disposition", "attachment; filename=\"kyodo-evaluation-scores-fy" + year + ".csv\"")
                .extract().response();
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        String text = CsvFiles.text(csv.asByteArray());
        assertThat(CsvFiles.header(text)).isEqualTo(SCORES_HEADER);
        assertThat(text).contains("\"" + REASON.replace("\"", "\"\"") + "\"");
        List<Map<String, String>> rows = CsvFiles.rows(text);
        assertThat(rows).hasSize(44);
        Map<String, String> row = rows.stream().filter(r -> "COLLABORATION_SYNERGY".equals(r.get("item"))
                && published.c().partner().toString().equals(r.get("organizationId"))).findFirst().orElseThrow();
        assertThat(row).containsEntry("reason", REASON).containsEntry("score", "5").containsEntry("targetId", "")
                .containsEntry("organizationName", "NPO法人みどりの会").containsEntry("fiscalYear", Integer.toString(year))
                .containsEntry("actualValue", "").containsEntry("achievementRate", "");
        assertThat(rows.stream().filter(r -> published.c().indicators().get(1).toString().equals(r.get("targetId"))))
                .extracting(r -> r.get("actualValue") + "/" + r.get("achievementRate")).containsOnly("150/75.00");
        assertNothingUnpublished(text, unpublished);

        // Without the filter every published round, still none of the others.
        Response all = anonymous().queryParam("format", "json").get(SCORES).then().statusCode(200)
                .body("fiscalYear", equalTo(null)).extract().response();
        assertThat(all.jsonPath().getList("records.roundId", String.class)).contains(published.roundId())
                .doesNotContainAnyElementsOf(unpublished);
        assertNothingUnpublished(all.asString(), unpublished);
    }

    @Test
    void findingsAndTheThirdPartyOpinionOfPublishedRoundsOnly() throws Exception {
        int year = nextFiscalYear();
        Reviewed published = reviewed(collaboration("WELFARE", year), "良好", "雨天で中止した");
        close(published, FINDING, IMPROVEMENT);
        thirdParty(published, OPINION);
        publishRound(published);
        Reviewed closed = reviewed(collaboration("WELFARE", year), "x", "y");
        close(closed, SECRET + "所見", SECRET + "改善策");
        thirdParty(closed, SECRET + "第三者意見");
        List<String> unpublished = List.of(closed.roundId());

        Response json = anonymous().queryParam("fiscalYear", year).get(FINDINGS).then().statusCode(200)
                .header("X-License", "CC-BY-4.0").body("dataset", equalTo("evaluation-findings"))
                .body("licence.id", equalTo("CC-BY-4.0")).body("columns", equalTo(List.of(FINDINGS_HEADER.split(","))))
                .extract().response();
        List<Map<String, Object>> records = json.jsonPath().getList("records");
        assertThat(records).extracting(r -> r.get("roundId")).containsOnly(published.roundId());
        assertThat(records).extracting(r -> r.get("source")).containsExactly("MUTUAL_REVIEW", "THIRD_PARTY");
        assertThat(records.get(0)).containsEntry("finding", FINDING).containsEntry("improvement", IMPROVEMENT)
                .containsEntry("item", "COLLABORATION_SYNERGY").containsEntry("track", "COLLABORATION")
                .containsEntry("organizationId", published.c().partner().toString())
                .containsEntry("organizationName", "NPO法人みどりの会").doesNotContainKey("opinion")
                .containsEntry("fiscalYear", year);
        assertThat(records.get(1)).containsEntry("committee", "協働事業評価委員会").containsEntry("opinion", OPINION)
                .containsEntry("projectOpinion", "指標はおおむね達成").containsEntry("collaborationOpinion", "対話の場が機能した")
                .containsEntry("recommendations", "他地区への展開を検討されたい").doesNotContainKey("findingId")
                .doesNotContainKeys("organizationId", "finding");
        assertNothingUnpublished(json.asString(), unpublished);

        String text = CsvFiles.text(anonymous().queryParam("format", "csv").queryParam("fiscalYear", year).get(FINDINGS).then()
                .statusCode(200).header("Content-Disposition", "attachment; filename=\"kyodo-evaluation-findings-fy" + year
                        + ".csv\"").extract().asByteArray());
        assertThat(CsvFiles.header(text)).isEqualTo(FINDINGS_HEADER);
        List<Map<String, String>> rows = CsvFiles.rows(text);
        assertThat(rows).extracting(r -> r.get("source")).containsExactly("MUTUAL_REVIEW", "THIRD_PARTY");
        assertThat(rows.get(0)).containsEntry("finding", FINDING).containsEntry("improvement", IMPROVEMENT)
                .containsEntry("committee", "");
        assertThat(rows.get(1)).containsEntry("opinion", OPINION).containsEntry("finding", "");
        assertThat(text).contains("\"" + IMPROVEMENT.replace("\"", "\"\"") + "\"");
        assertNothingUnpublished(text, unpublished);
    }

    @Test
    void theFiscalYearFilterKeepsTheRoundsCountedInThatYearAndIsValidated() {
        int first = nextFiscalYear();
        int second = nextFiscalYear();
        Reviewed a = reviewedRound(collaboration("EDUCATION", first));
        closeRound(a);
        publishRound(a);
        Reviewed b = reviewedRound(collaboration("EDUCATION", second));
        closeRound(b);
        publishRound(b);

        for (String path : List.of(SCORES, FINDINGS)) {
            Response one = anonymous().queryParam("fiscalYear", first).get(path).then().statusCode(200).extract().response();
            assertThat(one.jsonPath().getList("records.roundId", String.class)).contains(a.roundId())
                    .doesNotContain(b.roundId());
            assertThat(one.jsonPath().getList("records.fiscalYear", Integer.class)).containsOnly(first);
            Response two = anonymous().queryParam("fiscalYear", Integer.toString(second)).get(path).then().statusCode(200)
                    .extract().response();
            assertThat(two.jsonPath().getList("records.roundId", String.class)).contains(b.roundId())
                    .doesNotContain(a.roundId());
            assertThat(anonymous().get(path).then().statusCode(200).extract().jsonPath()
                    .getList("records.roundId", String.class)).contains(a.roundId(), b.roundId());

            anonymous().queryParam("fiscalYear", "令和9年度").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("fiscalYear"));
            anonymous().queryParam("fiscalYear", 1999).accept("text/csv").get(path).then().statusCode(400)
                    .contentType("application/problem+json");
            anonymous().queryParam("format", "xlsx").get(path).then().statusCode(400)
                    .body("errors[0].field", equalTo("format"));
        }
        // Signed-in parties and staff get the same public data set: the seal does not open further here.
        staff(STAFF1).queryParam("fiscalYear", first).get(SCORES).then().statusCode(200).body("count", equalTo(44));
    }

    private static void assertNothingUnpublished(String body, List<String> unpublishedRoundIds) {
        assertThat(body).doesNotContain(SECRET);
        assertThat(body).doesNotContain(unpublishedRoundIds.toArray(String[]::new));
        // People never appear, only the parties (organisations).
        assertThat(body).doesNotContain(PARTNER1, STAFF1, REVIEWER1, "submittedBy", "recordedBy", "assessedBy");
    }
}
