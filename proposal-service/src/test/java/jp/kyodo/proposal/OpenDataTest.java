package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.testing.CsvFiles;

/**
 * Proposals as open data: adopted proposals with decision and rationale, one by one; of the others only counts per
 * theme; JSON or CSV (UTF-8 with BOM, CRLF), for anyone, under CC BY 4.0.
 */
@QuarkusTest
class OpenDataTest extends ProposalTestSupport {

    static final String ADOPTED = "/api/proposals/open-data/adopted-proposals";
    static final String OUTCOMES = "/api/proposals/open-data/theme-outcomes";

    static final String THEME_TITLE = "公園の協働管理、\"みどり\"の輪";
    static final String ADOPTED_TITLE = "里山公園を育てる会, 第2期";
    static final String RATIONALE = "実現可能性が高い。\n地域の担い手育成につながる、と評価した";
    static final String SECRET_TITLE = "不採択になる提案（非公開）";
    static final String SECRET_RATIONALE = "実施体制の具体化が不十分（提案者と職員のみ閲覧）";
    static final String WITHDRAWN_TITLE = "取り下げられる提案（非公開）";

    record Call(UUID department, UUID npoA, UUID npoB, String theme) {
    }

    Call theme(int fiscalYear) {
        UUID department = department(STAFF1);
        UUID npoA = verifiedNpo(PARTNER1);
        UUID npoB = verifiedNpo(PARTNER2);
        String theme = staff(STAFF1).body(Map.of("departmentId", department, "title", THEME_TITLE, "localIssue",
                "担い手不足", "fiscalYear", fiscalYear, "budgetCeilingYen", 2_000_000, "opensAt",
                Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString()))
                .post("/api/proposals/themes").then().statusCode(201).extract().path("id");
        return new Call(department, npoA, npoB, theme);
    }

    /** A proposal of the NPO (member subject) answering the theme in its fiscal year, submitted and in consultation. */
    String inConsultation(Call call, UUID npo, String subject, int fiscalYear, String title) {
        Map<String, Object> body = new LinkedHashMap<>(proposalBody(npo, call.department(), call.theme(), 300_000));
        body.put("title", title);
        body.put("goals", List.of("月1回の清掃、見守り", "子どもの\"自然体験\""));
        body.put("localIssue", "公園の担い手が高齢化している。\n清掃の頻度も落ちている");
        body.put("period", Map.of("start", fiscalYear + "-04-01", "end", (fiscalYear + 1) + "-03-31"));
        body.put("budgetLines", List.of(
                Map.of("organizationId", npo, "fiscalYear", fiscalYear, "item", "清掃用具", "amountYen", 50_000),
                Map.of("organizationId", call.department(), "fiscalYear", fiscalYear, "item", "協働負担金",
                        "amountYen", 300_000)));
        String id = draft(subject, body);
        submit(subject, id, npo, true).then().statusCode(200);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", call.department())).post("/api/proposals/" + id + "/consultation").then()
                .statusCode(200);
        return id;
    }

    void decide(Call call, String id, String outcome, String rationale) {
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", call.department(), "reviewers", List.of(REVIEWER1)))
                .post("/api/proposals/" + id + "/screening").then().statusCode(200);
        List<Map<String, Object>> scores = new ArrayList<>();
        for (String criterion : List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS")) {
            scores.add(Map.of("criterion", criterion, "score", 4, "comment", "審査員の所見（非公開）"));
        }
        reviewer(REVIEWER1).body(Map.of("scores", scores)).post("/api/proposals/" + id + "/scores").then().statusCode(201);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", call.department(), "outcome", outcome, "rationale", rationale))
                .post("/api/proposals/" + id + "/decision").then().statusCode(200);
    }

    @Test
    void adoptedProposalsArePublishedWithDecisionAndRationaleAndNothingElseLeaks() throws Exception {
        Call call = theme(2031);
        String adopted = inConsultation(call, call.npoA(), PARTNER1, 2031, ADOPTED_TITLE);
        String notAdopted = inConsultation(call, call.npoB(), PARTNER2, 2031, SECRET_TITLE);
        String withdrawn = inConsultation(call, call.npoA(), PARTNER1, 2031, WITHDRAWN_TITLE);
        decide(call, adopted, "ADOPTED", RATIONALE);
        decide(call, notAdopted, "NOT_ADOPTED", SECRET_RATIONALE);
        partner(PARTNER1).header("If-Match", etagOf(withdrawn))
                .body(Map.of("actingFor", call.npoA(), "reason", "体制を見直すため"))
                .post("/api/proposals/" + withdrawn + "/withdrawal").then().statusCode(200);
        Call later = theme(2032);
        String adoptedLater = inConsultation(later, later.npoA(), PARTNER1, 2032, "翌年度の提案");
        decide(later, adoptedLater, "ADOPTED", "継続性がある");

        Response json = anonymous().queryParam("fiscalYear", 2031).get(ADOPTED).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .body("dataset", equalTo("adopted-proposals")).body("fiscalYear", equalTo(2031))
                .body("licence.id", equalTo("CC-BY-4.0")).body("licence.attribution", startsWith("出典: "))
                .extract().response();
        List<String> ids = json.jsonPath().getList("records.proposalId");
        assertThat(ids).contains(adopted).doesNotContain(notAdopted, withdrawn, adoptedLater);
        assertThat(json.jsonPath().getList("records.fiscalYear", Integer.class)).containsOnly(2031);
        Map<String, Object> record = json.jsonPath().getMap("records.find { it.proposalId == '" + adopted + "' }");
        assertThat(record).containsEntry("title", ADOPTED_TITLE).containsEntry("decisionRationale", RATIONALE)
                .containsEntry("themeTitle", THEME_TITLE).containsEntry("origin", "CITY_INITIATED")
                .containsEntry("totalBudgetYen", 350_000).containsEntry("cityShareYen", 300_000)
                .containsEntry("reviewerCount", 1).containsEntry("periodStart", "2031-04-01")
                .containsEntry("departmentName", "団体 " + call.department().toString().substring(0, 8))
                .containsEntry("proposingOrganizationNames", List.of("団体 " + call.npoA().toString().substring(0, 8)))
                .containsEntry("goals", List.of("月1回の清掃、見守り", "子どもの\"自然体験\""));
        assertThat(((Number) record.get("weightedMeanScore")).doubleValue()).isEqualTo(4.0);
        assertNothingUnpublished(json.asString());
        assertThat(anonymous().queryParam("fiscalYear", 2032).get(ADOPTED).then().statusCode(200).extract().jsonPath()
                .getList("records.proposalId")).contains(adoptedLater).doesNotContain(adopted);

        Response csv = anonymous().accept("text/csv").queryParam("fiscalYear", 2031).get(ADOPTED).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Content-Disposition", "attachment; filename=\"kyodo-adopted-proposals-fy2031.csv\"")
                .extract().response();
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        String text = CsvFiles.text(csv.asByteArray());
        assertThat(CsvFiles.header(text)).isEqualTo("proposalId,referenceNumber,fiscalYear,origin,themeId,themeTitle,title,localIssue,"
                + "goals,approach,collaborationForm,activityArea,field,periodStart,periodEnd,beneficiaries,expectedEffects,"
                + "proposingOrganizationIds,proposingOrganizationNames,departmentId,departmentName,totalBudgetYen,"
                + "cityShareYen,decidedOn,decisionRationale,reviewerCount,weightedMeanScore");
        Map<String, String> row = CsvFiles.rows(text).stream().filter(r -> adopted.equals(r.get("proposalId"))).findFirst()
                .orElseThrow();
        assertThat(row).containsEntry("title", ADOPTED_TITLE).containsEntry("decisionRationale", RATIONALE)
                .containsEntry("themeTitle", THEME_TITLE).containsEntry("goals", "月1回の清掃、見守り\n子どもの\"自然体験\"")
                .containsEntry("localIssue", "公園の担い手が高齢化している。\n清掃の頻度も落ちている")
                .containsEntry("proposingOrganizationIds", call.npoA().toString()).containsEntry("fiscalYear", "2031")
                .containsEntry("cityShareYen", "300000").containsEntry("weightedMeanScore", "4.00");
        assertThat(text).contains("\"" + ADOPTED_TITLE + "\"", "\"" + THEME_TITLE.replace("\"", "\"\"") + "\"");
        assertNothingUnpublished(text);

        // Of the rest, only counts per theme.
        Response outcomes = anonymous().queryParam("fiscalYear", "2031").get(OUTCOMES).then().statusCode(200)
                .body("dataset", equalTo("theme-outcomes")).body("licence.id", equalTo("CC-BY-4.0")).extract().response();
        Map<String, Object> counts = outcomes.jsonPath().getMap("records.find { it.themeId == '" + call.theme() + "' }");
        assertThat(counts).containsEntry("origin", "CITY_INITIATED").containsEntry("themeTitle", THEME_TITLE)
                .containsEntry("fiscalYear", 2031).containsEntry("received", 3).containsEntry("adopted", 1)
                .containsEntry("notAdopted", 1).containsEntry("withdrawn", 1).containsEntry("notPursued", 0)
                .containsEntry("undecided", 0);
        assertThat(outcomes.jsonPath().getList("records.fiscalYear", Integer.class)).containsOnly(2031);
        assertThat(outcomes.jsonPath().getList("records.themeId")).doesNotContain(later.theme());
        assertNothingUnpublished(outcomes.asString());
        String outcomesCsv = CsvFiles.text(anonymous().queryParam("format", "csv").queryParam("fiscalYear", 2031).get(OUTCOMES)
                .then().statusCode(200).extract().asByteArray());
        assertThat(CsvFiles.header(outcomesCsv)).isEqualTo("fiscalYear,origin,themeId,themeTitle,departmentId,departmentName,received,"
                + "adopted,notAdopted,withdrawn,notPursued,undecided");
        assertThat(CsvFiles.rows(outcomesCsv).stream().filter(r -> call.theme().equals(r.get("themeId"))).findFirst().orElseThrow())
                .containsEntry("themeTitle", THEME_TITLE).containsEntry("received", "3").containsEntry("adopted", "1");
        assertNothingUnpublished(outcomesCsv);
    }

    @Test
    void citizenInitiatedProposalsAreCountedPerFiscalYearAndDraftsNotAtAll() {
        int year = FiscalYear.current().year();
        long before = citizenReceived(year);
        submittedProposal();
        UUID npo = verifiedNpo(PARTNER2);
        draft(PARTNER2, proposalBody(npo, department(STAFF1), null, 10_000));
        assertThat(citizenReceived(year)).isEqualTo(before + 1);
        Map<String, Object> row = anonymous().queryParam("fiscalYear", year).get(OUTCOMES).then().statusCode(200)
                .extract().jsonPath().getMap("records.find { it.origin == 'CITIZEN_INITIATED' }");
        assertThat(row).doesNotContainKeys("themeId", "themeTitle");
        assertThat(((Number) row.get("undecided")).longValue()).isPositive();

        anonymous().queryParam("fiscalYear", "next").get(OUTCOMES).then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        anonymous().queryParam("format", "pdf").get(ADOPTED).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    private long citizenReceived(int year) {
        Object received = anonymous().queryParam("fiscalYear", year).get(OUTCOMES).then().statusCode(200).extract()
                .jsonPath().get("records.find { it.origin == 'CITIZEN_INITIATED' }.received");
        return received == null ? 0 : ((Number) received).longValue();
    }

    private static void assertNothingUnpublished(String body) {
        assertThat(body).doesNotContain(SECRET_TITLE, SECRET_RATIONALE, WITHDRAWN_TITLE, "体制を見直すため",
                "審査員の所見", REVIEWER1, PARTNER1, PARTNER2, STAFF1, "consentToCaseArchive");
    }
}
