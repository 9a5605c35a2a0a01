package jp.kyodo.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.platform.testing.CsvFiles;

/**
 * Agreements as open data: the in-force summaries of ACTIVE and COMPLETED agreements and their costs per party and
 * fiscal year, JSON or CSV (UTF-8 with BOM, CRLF), for anyone, under CC BY 4.0; nothing else about them.
 */
@QuarkusTest
class OpenDataTest extends AgreementTestSupport {

    static final String AGREEMENTS = "/api/agreements/open-data/agreements";
    static final String COSTS = "/api/agreements/open-data/agreement-costs";

    static final String TITLE = "里山の協働保全, 第2期 \"みどり\"";
    static final String PURPOSE = "里山を市民と市が協働で保全する。\n担い手を育てる";

    Map<String, Object> publicContent(Parties p, String form, String title) {
        Map<String, Object> c = content(p, form, "C");
        c.put("title", title);
        c.put("purpose", PURPOSE);
        return c;
    }

    @Test
    void summariesOfActiveAndCompletedAgreementsInForceAndNothingUnpublished() throws Exception {
        Parties p = parties(null);
        UUID active = activeAgreement(p, publicContent(p, "AGREEMENT", TITLE));
        UUID completed = activeAgreement(p, publicContent(p, "AGREEMENT", "完了した協定"));
        asStaff();
        json().header("If-Match", etag(completed)).body(Map.of("actingFor", p.department().toString(), "reason", "事業完了"))
                .post("/api/agreements/" + completed + "/completion").then().statusCode(200);
        UUID draft = open(p, publicContent(p, "AGREEMENT", "下書きの協定（非公開）"));
        UUID terminated = activeAgreement(p, publicContent(p, "AGREEMENT", "解除された協定（非公開）"));
        asStaff();
        json().header("If-Match", etag(terminated)).body(Map.of("actingFor", p.department().toString(), "reason", "中止"))
                .post("/api/agreements/" + terminated + "/termination").then().statusCode(200);
        // An amendment being drafted: the version in force stays what is published.
        asPartner();
        json().header("If-Match", etag(active)).body(Map.of("actingFor", p.npo().toString(), "reason", "活動回数を増やす"))
                .post("/api/agreements/" + active + "/amendments").then().statusCode(200);
        var working = given().get("/api/agreements/" + active + "/working-copy").then().extract();
        Map<String, Object> amended = new LinkedHashMap<>(working.jsonPath().getMap("content"));
        amended.put("title", "改定中の表題（非公開）");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(), "content", amended))
                .put("/api/agreements/" + active + "/working-copy").then().statusCode(200);
        anonymous();

        Response json = given().queryParam("fiscalYear", 2024).get(AGREEMENTS).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Link", "<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"")
                .body("dataset", equalTo("agreements")).body("licence.id", equalTo("CC-BY-4.0"))
                .body("licence.attribution", startsWith("出典: ")).body("fiscalYear", equalTo(2024))
                .extract().response();
        List<String> ids = json.jsonPath().getList("records.agreementId");
        assertThat(ids).contains(active.toString(), completed.toString())
                .doesNotContain(draft.toString(), terminated.toString());
        Map<String, Object> record = json.jsonPath().getMap("records.find { it.agreementId == '" + active + "' }");
        assertThat(record).containsEntry("title", TITLE).containsEntry("purpose", PURPOSE)
                .containsEntry("state", "ACTIVE").containsEntry("documentVersion", 1)
                .containsEntry("fiscalYears", List.of(2024, 2025)).containsEntry("termStart", "2024-04-01")
                .containsEntry("partyNames", List.of("市民協働推進課", "NPO法人 みどりの会"))
                .containsEntry("tasks", List.of("NPO法人 みどりの会: 保全活動の企画と実施", "市民協働推進課: 広報と用具の貸出"))
                .containsEntry("totalCostYen", 600_000).containsEntry("cityShareYen", 500_000)
                .containsEntry("inKindValueYen", 50_000).containsEntry("outcomeOwnership", List.of("里山マップ: JOINT"))
                .containsEntry("publicClauses", List.of("協議: 定めのない事項は協議する"))
                .doesNotContainKey("completedOn");
        assertThat(json.jsonPath().getString("records.find { it.agreementId == '" + completed + "' }.state"))
                .isEqualTo("COMPLETED");
        assertThat(json.jsonPath().getString("records.find { it.agreementId == '" + completed + "' }.completedOn"))
                .matches("\\d{4}-\\d{2}-\\d{2}");
        assertNothingUnpublished(json.asString());

        Response csv = given().accept("text/csv").queryParam("fiscalYear", 2024).get(AGREEMENTS).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Content-Disposition", "attachment; filename=\"kyodo-agreements-fy2024.csv\"").extract().response();
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        String text = CsvFiles.text(csv.asByteArray());
        assertThat(CsvFiles.header(text)).isEqualTo("agreementId,proposalId,title,state,collaborationForm,activityArea,field,"
                + "purpose,termStart,termEnd,fiscalYears,documentVersion,partyOrganizationIds,partyNames,tasks,"
                + "totalCostYen,cityShareYen,consumptionTaxIncluded,inKindValueYen,outcomeOwnership,publicClauses,"
                + "completedOn");
        Map<String, String> row = CsvFiles.rows(text).stream().filter(r -> active.toString().equals(r.get("agreementId")))
                .findFirst().orElseThrow();
        assertThat(row).containsEntry("title", TITLE).containsEntry("purpose", PURPOSE)
                .containsEntry("fiscalYears", "2024;2025").containsEntry("partyNames", "市民協働推進課\nNPO法人 みどりの会")
                .containsEntry("partyOrganizationIds", p.department() + ";" + p.npo())
                .containsEntry("consumptionTaxIncluded", "true").containsEntry("proposalId", "")
                .containsEntry("completedOn", "");
        assertThat(text).contains("\"" + TITLE.replace("\"", "\"\"") + "\"");
        assertNothingUnpublished(text);
    }

    @Test
    void costsPerPartyAndFiscalYearWithTheReportAndSettlement() throws Exception {
        Parties p = parties(null);
        UUID id = activeAgreement(p, publicContent(p, "JOINT_FUNDING", "協働負担金の協定"));
        asPartner();
        json().body(Map.of("actingFor", p.npo().toString(), "fiscalYear", 2024, "lines",
                List.of(Map.of("item", "用具", "actualYen", 250000)))).post("/api/agreements/" + id + "/cost-reports")
                .then().statusCode(201);
        asStaff();
        json().body(Map.of("actingFor", p.department().toString(), "organizationId", p.npo().toString(), "fiscalYear",
                2024, "confirmedAmountYen", 250000, "alreadyPaidYen", 300000))
                .post("/api/agreements/" + id + "/settlements").then().statusCode(201);
        anonymous();

        Response all = given().get(COSTS).then().statusCode(200).body("dataset", equalTo("agreement-costs"))
                .extract().response();
        List<Map<String, Object>> mine = new ArrayList<>(
                all.jsonPath().getList("records.findAll { it.agreementId == '" + id + "' }"));
        assertThat(mine).hasSize(4);
        assertThat(mine).extracting(r -> r.get("fiscalYear") + "/" + r.get("organizationName") + "/" + r.get("plannedCostYen"))
                .containsExactly("2024/市民協働推進課/300000", "2024/NPO法人 みどりの会/100000", "2025/市民協働推進課/200000",
                        "2025/NPO法人 みどりの会/0");
        Map<String, Object> settled = mine.get(1);
        assertThat(settled).containsEntry("cityParty", false).containsEntry("actorType", "CIVIC_GROUP")
                .containsEntry("reportedActualCostYen", 250000).containsEntry("confirmedAmountYen", 250000)
                .containsEntry("toPayYen", 0).containsEntry("toReturnYen", 50000);
        assertThat(mine.get(0)).containsEntry("cityParty", true).doesNotContainKey("reportedActualCostYen");

        String text = CsvFiles.text(given().queryParam("format", "csv").queryParam("fiscalYear", 2025).get(COSTS).then()
                .statusCode(200).extract().asByteArray());
        assertThat(CsvFiles.header(text)).isEqualTo("agreementId,title,state,fiscalYear,organizationId,organizationName,actorType,"
                + "cityParty,plannedCostYen,consumptionTaxIncluded,reportedActualCostYen,confirmedAmountYen,toPayYen,"
                + "toReturnYen");
        List<Map<String, String>> rows = CsvFiles.rows(text);
        assertThat(rows).extracting(r -> r.get("fiscalYear")).containsOnly("2025");
        assertThat(rows.stream().filter(r -> id.toString().equals(r.get("agreementId"))))
                .extracting(r -> r.get("organizationName") + "=" + r.get("plannedCostYen") + "/" + r.get("toReturnYen"))
                .containsExactly("市民協働推進課=200000/", "NPO法人 みどりの会=0/");
        assertNothingUnpublished(text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFiscalYearFilterFollowsTheTermAndIsValidated() {
        Parties p = parties(null);
        UUID early = activeAgreement(p, publicContent(p, "AGREEMENT", "2024年度からの協定"));
        Map<String, Object> content = publicContent(p, "AGREEMENT", "2030年度の協定");
        content.put("term", Map.of("start", "2030-04-01", "end", "2031-03-31"));
        Map<String, Object> costs = new LinkedHashMap<>((Map<String, Object>) content.get("costs"));
        costs.put("lines", List.of(line(p.department(), 2030, "負担金", 100_000)));
        costs.put("declaredCityShareYen", 100_000);
        content.put("costs", costs);
        UUID later = activeAgreement(p, content);
        anonymous();

        assertThat(given().queryParam("fiscalYear", 2030).get(AGREEMENTS).then().statusCode(200).extract().jsonPath()
                .getList("records.agreementId")).contains(later.toString()).doesNotContain(early.toString());
        assertThat(given().queryParam("fiscalYear", 2025).get(AGREEMENTS).then().statusCode(200).extract().jsonPath()
                .getList("records.agreementId")).contains(early.toString()).doesNotContain(later.toString());
        assertThat(given().queryParam("fiscalYear", 2030).get(COSTS).then().statusCode(200).extract().jsonPath()
                .getList("records.fiscalYear", Integer.class)).containsOnly(2030);

        given().queryParam("fiscalYear", "R12").get(AGREEMENTS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("fiscalYear"));
        given().queryParam("format", "xml").get(COSTS).then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    private static void assertNothingUnpublished(String body) {
        assertThat(body).doesNotContain("下書きの協定", "解除された協定", "改定中の表題", "活動回数を増やす",
                "ボランティア保険に加入する", "連絡は担当者間で行う", "上半期の振り返り", "調整と広報", "活動の実施",
                "liabilities", "milestones", PARTNER1, SIGNER1, STAFF1);
    }
}
