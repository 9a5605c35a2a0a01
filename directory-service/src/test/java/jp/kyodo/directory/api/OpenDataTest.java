package jp.kyodo.directory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.platform.testing.CsvFiles;

/** The directory's open data: verified organisations' public fields, JSON or CSV, for anyone, under CC BY 4.0. */
@QuarkusTest
class OpenDataTest extends DirectoryTestSupport {

    static final String OPEN_DATA = "/api/directory/open-data/organizations";
    static final String HEADER = "organizationId,actorType,name,nameKana,corporateNumber,fields,description,website,"
            + "registeredOn,registeredFiscalYear";

    /** A verified organisation whose public texts need quoting, publishing its contact; returns its id. */
    private String verifiedWithTrickyTexts(String name, String description) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "CIVIC_GROUP");
        body.put("name", name);
        body.put("nameKana", "ミドリノモリ");
        body.put("representativeName", "山田 花子");
        body.put("postalCode", "231-0005");
        body.put("address", "横浜市中区本町6-50-10");
        body.put("contact", Map.of("phone", "045-123-4567", "email", "hanako@example.jp", "website", "https://midori.example.org"));
        body.put("contactPublic", true);
        body.put("fields", List.of("ENVIRONMENT", "EDUCATION"));
        body.put("description", description);
        String id = register(mapper.writeValueAsString(body)).jsonPath().getString("id");
        verify(id);
        asStaff().body("{\"subject\":\"" + PARTNER1 + "\",\"role\":\"REPRESENTATIVE\",\"displayName\":\"代表 太郎\","
                + "\"email\":\"taro@example.jp\"}").when().post(ORGANIZATIONS + "/" + id + "/members").then().statusCode(201);
        return id;
    }

    @Test
    void csvIsUtf8WithBomCrlfAndQuotedJapaneseTextThatRoundTrips() throws Exception {
        String name = unique("NPO法人みどり,の森 \"里山\"");
        String description = "公園の清掃、環境学習。\n毎月第2土曜日に活動しています";
        String id = verifiedWithTrickyTexts(name, description);

        for (Response csv : List.of(
                given().accept("text/csv").when().get(OPEN_DATA).then().statusCode(200).extract().response(),
                given().queryParam("format", "csv").when().get(OPEN_DATA).then().statusCode(200).extract().response())) {
            assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
            assertThat(csv.header("Link")).isEqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
            assertThat(csv.header("X-License")).isEqualTo("CC-BY-4.0");
            assertThat(csv.header("Content-Disposition")).contains("kyodo-organizations.csv");
            String text = CsvFiles.text(csv.asByteArray());
            assertThat(text).startsWith(HEADER + "\r\n");
            assertThat(text).contains("\"" + name.replace("\"", "\"\"") + "\"");

            Map<String, String> row = CsvFiles.rows(text).stream().filter(r -> id.equals(r.get("organizationId")))
                    .findFirst().orElseThrow();
            assertThat(row.get("name")).isEqualTo(name);
            assertThat(row.get("description")).isEqualTo(description);
            assertThat(row.get("nameKana")).isEqualTo("ミドリノモリ");
            assertThat(row.get("actorType")).isEqualTo("CIVIC_GROUP");
            assertThat(row.get("fields")).isEqualTo("ENVIRONMENT;EDUCATION");
            assertThat(row.get("website")).isEqualTo("https://midori.example.org");
            assertThat(row.get("corporateNumber")).isEmpty();
            assertThat(text).doesNotContain("山田", "花子", "hanako@example.jp", "045-123-4567", "本町6-50-10",
                    "代表 太郎", "taro@example.jp", PARTNER1);
        }
    }

    @Test
    void jsonCarriesTheLicenceAndOnlyVerifiedOrganisationsWithoutPersonalData() throws Exception {
        String marker = unique("公開データ");
        String verified = verifiedWithTrickyTexts(marker + "確認済", "活動");
        String unverified = registerNpo(marker + "未確認");
        String suspended = registerNpo(marker + "停止");
        verify(suspended);
        asStaff().header("If-Match", etagOf(suspended)).body("{\"to\":\"SUSPENDED\",\"reason\":\"調査中\"}")
                .when().post(ORGANIZATIONS + "/" + suspended + "/status-changes").then().statusCode(200);

        Response json = given().when().get(OPEN_DATA).then().statusCode(200)
                .header("X-License", "CC-BY-4.0")
                .header("Link", startsWith("<https://creativecommons.org/licenses/by/4.0/>"))
                .body("dataset", equalTo("organizations"))
                .body("licence.id", equalTo("CC-BY-4.0"))
                .body("licence.url", equalTo("https://creativecommons.org/licenses/by/4.0/"))
                .body("licence.attribution", startsWith("出典: "))
                .body("fiscalYear", equalTo(null))
                .body("columns", equalTo(List.of(HEADER.split(","))))
                .extract().response();
        assertThat(json.contentType()).startsWith("application/json");
        List<String> ids = json.jsonPath().getList("records.organizationId");
        assertThat(ids).contains(verified).doesNotContain(unverified, suspended);
        assertThat(json.jsonPath().getInt("count")).isEqualTo(ids.size());
        Map<String, Object> record = json.jsonPath().getMap("records.find { it.organizationId == '" + verified + "' }");
        assertThat(record).containsEntry("name", marker + "確認済").containsEntry("website", "https://midori.example.org")
                .containsEntry("fields", List.of("ENVIRONMENT", "EDUCATION"));
        assertThat(json.asString()).doesNotContain("山田", "hanako@example.jp", "045-123-4567", "本町6-50-10",
                "代表 太郎", "taro@example.jp", PARTNER1, "members", "eligibility", "誓約書");
        // Browsers ask for HTML first and take anything: they get JSON.
        given().accept("text/html,application/xhtml+xml,*/*;q=0.8").when().get(OPEN_DATA).then().statusCode(200)
                .header("Content-Type", startsWith("application/json"));
    }

    @Test
    void theFiscalYearFilterKeepsThoseRegisteredInThatYearInTokyoTime() {
        String marker = unique("年度");
        String april = registerNpo(marker + "四月");
        String march = registerNpo(marker + "三月");
        verify(april);
        verify(march);
        // 1 April 2019 00:30 in Tokyo is still 31 March in UTC: fiscal 2019. 31 March 2019 23:30 in Tokyo: fiscal 2018.
        execute("update organization set registered_at = ? where id = ?::uuid",
                OffsetDateTime.parse("2019-03-31T15:30:00Z"), april);
        execute("update organization set registered_at = ? where id = ?::uuid",
                OffsetDateTime.parse("2019-03-31T14:30:00Z"), march);

        Response fy2019 = given().queryParam("fiscalYear", 2019).when().get(OPEN_DATA).then().statusCode(200)
                .body("fiscalYear", equalTo(2019)).extract().response();
        assertThat(fy2019.jsonPath().getList("records.organizationId")).contains(april).doesNotContain(march);
        assertThat(fy2019.jsonPath().getList("records.registeredFiscalYear", Integer.class)).containsOnly(2019);
        assertThat(fy2019.jsonPath().getString("records.find { it.organizationId == '" + april + "' }.registeredOn"))
                .isEqualTo("2019-04-01");

        String csv2018 = given().queryParam("fiscalYear", "2018").queryParam("format", "csv").when().get(OPEN_DATA)
                .then().statusCode(200).header("Content-Disposition", "attachment; filename=\"kyodo-organizations-fy2018.csv\"")
                .extract().asString();
        assertThat(csv2018).contains(march).doesNotContain(april);

        given().queryParam("fiscalYear", "令和元年").when().get(OPEN_DATA).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("fiscalYear"));
        given().accept("text/csv").queryParam("fiscalYear", 1999).when().get(OPEN_DATA).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("format", "xlsx").when().get(OPEN_DATA).then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }
}
