package jp.kyodo.platform.opendata;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.platform.sample.PlatformTestSupport;
import jp.kyodo.platform.sample.WidgetOpenDataResource;

/** The open-data conventions every service shares: format negotiation, CSV with BOM and CRLF, the licence. */
@QuarkusTest
class OpenDataExportTest extends PlatformTestSupport {

    static final String WIDGETS = "/api/widgets/open-data/widgets";
    static final String HEADER = "widgetId,year,name,colour,colours,notes,ratio,madeOn,checkedAt,weight";

    @Test
    void csvIsUtf8WithBomCrlfAndLibraryQuotingThatRoundTrips() throws Exception {
        for (Response csv : List.of(given().accept("text/csv").get(WIDGETS).then().statusCode(200).extract().response(),
                given().queryParam("format", "CSV").get(WIDGETS).then().statusCode(200).extract().response(),
                given().accept("text/*, application/json;q=0.5").get(WIDGETS).then().statusCode(200).extract().response())) {
            assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
            assertThat(csv.header("Link")).isEqualTo("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
            assertThat(csv.header("X-License")).isEqualTo("CC-BY-4.0");
            assertThat(csv.header("Vary")).containsIgnoringCase("Accept");
            assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"kyodo-widgets.csv\"");
            byte[] bytes = csv.asByteArray();
            assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
            String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
            assertThat(text).startsWith(HEADER + "\r\n").endsWith("\r\n");
            assertThat(text).contains("\"" + WidgetOpenDataResource.TRICKY_NAME.replace("\"", "\"\"") + "\"");

            List<Map<String, String>> rows = rows(text);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("widgetId", WidgetOpenDataResource.FIRST.toString())
                    .containsEntry("name", WidgetOpenDataResource.TRICKY_NAME).containsEntry("colour", "RED")
                    .containsEntry("colours", "RED;BLUE")
                    .containsEntry("notes", "一行目; まだ一行目\n" + WidgetOpenDataResource.TWO_LINES)
                    .containsEntry("ratio", "100").containsEntry("madeOn", "2027-04-01")
                    .containsEntry("checkedAt", "2027-04-01T00:00:00Z").containsEntry("weight", "");
            assertThat(rows.get(1)).containsEntry("colours", "").containsEntry("notes", "").containsEntry("ratio", "")
                    .containsEntry("weight", "5");
        }
    }

    @Test
    void jsonIsTheDefaultAndCarriesTheLicenceColumnsAndTypedRecords() {
        for (Response json : List.of(given().get(WIDGETS).then().statusCode(200).extract().response(),
                given().accept("text/html,application/xhtml+xml,*/*;q=0.8").get(WIDGETS).then().statusCode(200)
                        .extract().response(),
                given().accept("text/csv").queryParam("format", "json").get(WIDGETS).then().statusCode(200).extract()
                        .response())) {
            assertThat(json.contentType()).startsWith("application/json");
            assertThat(json.header("X-License")).isEqualTo("CC-BY-4.0");
            assertThat(json.header("Link")).startsWith("<https://creativecommons.org/licenses/by/4.0/>");
            assertThat(json.jsonPath().getString("dataset")).isEqualTo("widgets");
            assertThat(json.jsonPath().getString("title")).isEqualTo("部品の公開情報");
            assertThat(json.jsonPath().getString("publisher")).isEqualTo("部品市");
            assertThat(json.jsonPath().getMap("licence")).containsEntry("id", "CC-BY-4.0")
                    .containsEntry("url", "https://creativecommons.org/licenses/by/4.0/")
                    .containsEntry("attribution", "出典: 部品市");
            assertThat(json.jsonPath().getList("columns")).isEqualTo(List.of(HEADER.split(",")));
            assertThat(json.jsonPath().getInt("count")).isEqualTo(2);
            assertThat(json.jsonPath().getString("generatedAt")).isNotBlank();
            assertThat(json.jsonPath().getList("records[0].colours")).isEqualTo(List.of("RED", "BLUE"));
            assertThat(json.jsonPath().getList("records[0].notes")).hasSize(2);
            assertThat(json.jsonPath().getString("records[0].madeOn")).isEqualTo("2027-04-01");
        }
        String body = given().get(WIDGETS).then().extract().asString();
        assertThat(body).doesNotContain("\"fiscalYear\"").as("absent when every year is exported, never null");
        List<Integer> positions = List.of("dataset", "title", "publisher", "licence", "generatedAt", "columns",
                "count", "records").stream().map(p -> body.indexOf("\"" + p + "\":")).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void theFiscalYearFilterIsCheckedByTheCallersRuleAndNamedInTheFileName() {
        given().queryParam("fiscalYear", " 2028 ").get(WIDGETS).then().statusCode(200).body("fiscalYear", equalTo(2028))
                .body("count", equalTo(1)).body("records[0].widgetId", equalTo(WidgetOpenDataResource.SECOND.toString()));
        given().queryParam("fiscalYear", "2027").queryParam("format", "csv").get(WIDGETS).then().statusCode(200)
                .header("Content-Disposition", "attachment; filename=\"kyodo-widgets-fy2027.csv\"");
        given().queryParam("fiscalYear", "2030").accept("text/csv").get(WIDGETS).then().statusCode(200)
                .body(equalTo("\uFEFF" + HEADER + "\r\n"));
        for (String bad : List.of("令和9", "1999", "2027.5")) {
            given().queryParam("fiscalYear", bad).get(WIDGETS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("fiscalYear"));
        }
        given().queryParam("format", "xlsx").accept("text/csv").get(WIDGETS).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("format"));
    }

    @Test
    void rowTypesNeedNotBePublicAndMultiLineColumnsMustExist() {
        assertThat(given().accept("text/csv").get("/api/widgets/open-data/hidden-rows").then().statusCode(200).extract()
                .asString()).isEqualTo("\uFEFFtext,years\r\n\"a\"\"b\",2027;2028\r\n");
        given().get("/api/widgets/open-data/hidden-rows").then().statusCode(200).body("records[0].text", equalTo("a\"b"))
                .body("records[0].years", equalTo(List.of(2027, 2028)));

        record Row(String text, LocalDate on, OffsetDateTime at) {
        }
        assertThat(new String(OpenDataExport.csv(OpenDataset.of("rows", "行", Row.class), List.of(new Row(null,
                LocalDate.of(2028, 3, 31), OffsetDateTime.parse("2028-03-31T23:30:00+09:00")))), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFtext,on,at\r\n,2028-03-31,2028-03-31T14:30:00Z\r\n");
        assertThatThrownBy(() -> OpenDataset.of("rows", "行", Row.class, "nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void anUnknownDataSetIsAProblem() {
        given().get("/api/widgets/open-data/gadgets").then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:kyodo:problem:not-found"));
        assertThatThrownBy(() -> OpenDataset.of(Record.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("@PublishedDataset");
    }

    @Test
    void everyDataSetIsAnOperationOfItsOwnInTheDocument() {
        Response api = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .response();
        assertThat(api.jsonPath().getMap("paths")).doesNotContainKey("/api/widgets/open-data/{dataset}");
        String widgets = "paths.'/api/widgets/open-data/widgets'.get.";
        assertThat(api.jsonPath().getString(widgets + "operationId")).isEqualTo("exportWidgets");
        assertThat(api.jsonPath().getString(widgets + "summary")).isEqualTo("Widgets as open data");
        assertThat(api.jsonPath().getString(widgets + "description")).startsWith("Every widget.").contains("CC BY 4.0");
        assertThat(api.jsonPath().getList(widgets + "parameters.name", String.class))
                .containsExactlyInAnyOrder("fiscalYear", "format", "If-None-Match");
        assertThat(api.jsonPath().getString(widgets + "responses.'200'.content.'application/json'.schema.properties"
                + ".records.items.$ref")).isEqualTo("#/components/schemas/OpenDataWidget");
        assertThat(api.jsonPath().getMap(widgets + "responses.'200'.headers")).containsKeys("ETag", "Cache-Control",
                "Link", "X-License");
        assertThat(api.jsonPath().getString(widgets + "responses.'304'.headers.ETag.description"))
                .startsWith("A digest of the records");
        assertThat(api.jsonPath().getString("paths.'/api/widgets/open-data/hidden-rows'.get.operationId"))
                .isEqualTo("exportHiddenRows");
    }

    static List<Map<String, String>> rows(String csvWithoutBom) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csvWithoutBom)) {
            return it.readAll();
        }
    }
}
