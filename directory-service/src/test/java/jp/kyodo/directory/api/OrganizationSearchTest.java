package jp.kyodo.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;

@QuarkusTest
class OrganizationSearchTest extends DirectoryTestSupport {

    /**
     * A marker only these organisations carry in their name, so other tests' data does not interfere: six random
     * letters (digits are spelt as letters, since a marker of digits alone could be empty once removed).
     */
    private static String marker() {
        StringBuilder marker = new StringBuilder("検索");
        for (char c : UUID.randomUUID().toString().substring(0, 6).toCharArray()) {
            marker.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
        }
        return marker.toString();
    }

    private static List<String> namesFound(String query) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = asStaff().queryParam("q", query).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(ORGANIZATIONS).then().statusCode(200).extract().response();
            names.addAll(page.jsonPath().getList("items.name"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        return names;
    }

    @Test
    void aWordInsideANameIsFoundWithoutSpaces() {
        String name = "市民" + marker() + "公園の協働管理の会";
        register(npoJson(name, "シミンコウエンノカイ", null));

        assertThat(namesFound("公園")).contains(name);
        assertThat(namesFound("公民")).doesNotContain(name);
    }

    @Test
    void halfWidthKatakanaFullWidthKatakanaAndHiraganaReadingsFindTheSameOrganisation() {
        String kana = "コウエン" + UUID.randomUUID().toString().substring(0, 4).replaceAll("[0-9a-f]", "ア");
        String name = unique("公園愛護会");
        register(npoJson(name, kana, null));

        String halfWidth = java.text.Normalizer.normalize("ｺｳｴﾝ", java.text.Normalizer.Form.NFC);
        assertThat(namesFound(halfWidth)).contains(name);
        assertThat(namesFound("コウエン")).contains(name);
        assertThat(namesFound("こうえん")).contains(name);
    }

    @Test
    void aVariantKanjiFindsTheUsualFormAndTheOtherWayRound() {
        String suffix = marker();
        String withVariant = "髙橋" + suffix + "商店";
        String usual = "山崎" + suffix + "工務店";
        register(npoJson(withVariant, "タカハシショウテン", null).replace("CIVIC_GROUP", "BUSINESS"));
        register(npoJson(usual, "ヤマザキコウムテン", null).replace("CIVIC_GROUP", "BUSINESS"));

        assertThat(namesFound("高橋" + suffix)).contains(withVariant);
        assertThat(namesFound("髙橋" + suffix)).contains(withVariant);
        assertThat(namesFound("山﨑" + suffix)).contains(usual);
    }

    @Test
    void listsAreSortedByKanaReadingThenIdAndPagedWithACursor() {
        String suffix = marker();
        // registered out of order; the reading decides: ア < カ < サ < タ, hiragana read as katakana
        register(npoJson("た" + suffix, "たのかい", null));
        register(npoJson("あ" + suffix, "アノカイ", null));
        register(npoJson("さ" + suffix, "ｻﾉｶｲ", null));
        register(npoJson("か" + suffix, "カノカイ", null));

        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asStaff().queryParam("q", suffix).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(ORGANIZATIONS).then().statusCode(200).extract().response();
            names.addAll(page.jsonPath().getList("items.name"));
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(names).containsExactly("あ" + suffix, "か" + suffix, "さ" + suffix, "た" + suffix);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void filtersByTypeFieldAndStatusCombine() {
        String suffix = marker();
        register(npoJson("福祉" + suffix, "フクシ", null).replace("\"ENVIRONMENT\",\"EDUCATION\"", "\"WELFARE\""));
        register(npoJson("企業" + suffix, "キギョウ", null).replace("CIVIC_GROUP", "BUSINESS"));

        List<String> welfare = asStaff().queryParam("q", suffix).queryParam("field", "WELFARE").when().get(ORGANIZATIONS)
                .then().statusCode(200).extract().jsonPath().getList("items.name");
        assertThat(welfare).containsExactly("福祉" + suffix);
        List<String> businesses = asStaff().queryParam("q", suffix).queryParam("type", "BUSINESS")
                .queryParam("status", "UNVERIFIED").when().get(ORGANIZATIONS)
                .then().statusCode(200).extract().jsonPath().getList("items.name");
        assertThat(businesses).containsExactly("企業" + suffix);
        assertThat(asStaff().queryParam("q", suffix).queryParam("status", "VERIFIED").when().get(ORGANIZATIONS)
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void badFiltersAreA400NamingTheParameter() {
        asStaff().queryParam("type", "GUILD").when().get(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("type"));
        asStaff().queryParam("field", "ALCHEMY").when().get(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("field"));
        asStaff().queryParam("limit", 101).when().get(ORGANIZATIONS).then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        asStaff().queryParam("cursor", "not-a-cursor").when().get(ORGANIZATIONS).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        asStaff().queryParam("q", "あ".repeat(101)).when().get(ORGANIZATIONS).then().statusCode(400)
                .body("errors.field", hasItem("q"));
    }

    @Test
    void aPartnerListsOnlyTheOrganisationsTheyBelongTo() {
        String suffix = marker();
        register(asPartner2(), npoJson("自分" + suffix, "ジブン", null));
        register(npoJson("他人" + suffix, "タニン", null));

        List<String> seen = asPartner2().queryParam("q", suffix).when().get(ORGANIZATIONS).then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertThat(seen).containsExactly("自分" + suffix);
    }
}
