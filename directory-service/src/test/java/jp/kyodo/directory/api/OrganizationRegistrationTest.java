package jp.kyodo.directory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.kyodo.directory.DirectoryTestSupport;

@QuarkusTest
class OrganizationRegistrationTest extends DirectoryTestSupport {

    @Test
    void staffRegisterAnNpoThatStartsUnverifiedWithItsPostalCodeNormalised() {
        String number = freshCorporateNumber();
        Response created = register(npoJson(unique("NPO法人みどりの会"), "みどりのかい", number));

        assertThat(created.header("Location")).contains(ORGANIZATIONS + "/" + created.jsonPath().getString("id"));
        assertThat(created.header("ETag")).isNotBlank();
        assertThat(created.jsonPath().getString("status")).isEqualTo("UNVERIFIED");
        assertThat(created.jsonPath().getString("postalCode")).isEqualTo("100-0001");
        assertThat(created.jsonPath().getString("corporateNumber")).isEqualTo(number);
        assertThat(created.jsonPath().getList("traits.code")).contains("AUTONOMY", "AGILITY", "EXPERTISE");
        assertThat(created.jsonPath().getString("representativeSubject")).as("staff do not become members").isNull();

        asStaff().when().get(created.header("Location")).then().statusCode(200)
                .header("ETag", created.header("ETag"))
                .body("nameKana", equalTo("ミドリノカイ"))
                .body("fields", hasItems("EDUCATION", "ENVIRONMENT"));
    }

    @Test
    void theReadingIsKeptInFullWidthKatakanaHoweverItIsTyped() throws Exception {
        String halfWidth = register(npoJson(unique("ｶﾅの会"), "ｴﾇﾋﾟｰｵｰ  ｶﾅﾉｶｲ", null)).then().statusCode(201)
                .body("nameKana", equalTo("エヌピーオー\u3000カナノカイ")).extract().path("id");
        asStaff().header("If-Match", etagOf(halfWidth)).body("{\"name\":\"かなの会\",\"nameKana\":\"かなのかい\"}")
                .when().put(ORGANIZATIONS + "/" + halfWidth).then().statusCode(200).body("nameKana", equalTo("カナノカイ"));

        // A reading stored in hiragana before this rule is converted by the migration, by the same rule.
        execute("update organization set name_kana = 'かなのかい' where id = ?::uuid", halfWidth);
        try (var connection = dataSource.getConnection()) {
            assertThat(db.migration.V3__name_kana_in_katakana.convert(connection)).isGreaterThanOrEqualTo(1);
        }
        asStaff().when().get(ORGANIZATIONS + "/" + halfWidth).then().body("nameKana", equalTo("カナノカイ"));
    }

    @Test
    void theNationalTaxAgencysOwnCorporateNumberIsAccepted() {
        execute("delete from organization where corporate_number = ?", NTA_CORPORATE_NUMBER);
        Response created = register("""
                {"type":"PUBLIC_AGENCY","name":"国税庁","nameKana":"コクゼイチョウ","corporateNumber":"７０００－０１２０５０００２"}
                """.replace("７０００－０１２０５０００２", "７００００１２０５０００２"));
        assertThat(created.jsonPath().getString("corporateNumber")).isEqualTo(NTA_CORPORATE_NUMBER);
    }

    @Test
    void aPartnerRegistersItsOwnGroupUnverifiedAndBecomesItsRepresentative() {
        Response created = register(asPartner1(), """
                {"type":"RESIDENT_GROUP","name":"%s","nameKana":"サクラチョウ ボウサイノカイ","fields":["DISASTER_PREVENTION"]}
                """.formatted(unique("桜町防災の会")));

        assertThat(created.jsonPath().getString("status")).isEqualTo("UNVERIFIED");
        assertThat(created.jsonPath().getString("representativeSubject")).isEqualTo(PARTNER1);
    }

    @Test
    void aPartnerCannotRegisterACityDepartment() {
        asPartner1().body("{\"type\":\"CITY_DEPARTMENT\",\"name\":\"市民協働推進課\",\"nameKana\":\"シミンキョウドウスイシンカ\"}")
                .when().post(ORGANIZATIONS).then().statusCode(403).body("type", equalTo("urn:kyodo:problem:forbidden"));
    }

    @Test
    void anAnalystCannotRegisterAnything() {
        as(ANALYST1, "analyst").body(npoJson("分析の会", "ブンセキノカイ", null))
                .when().post(ORGANIZATIONS).then().statusCode(403);
    }

    @Test
    void anonymousCallersCannotRegisterUpdateOrRead() {
        given().contentType(ContentType.JSON).body(npoJson("匿名の会", "トクメイノカイ", null))
                .when().post(ORGANIZATIONS).then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"));
        String id = registerNpo(unique("匿名対象"));
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\":\"x\",\"nameKana\":\"エックス\"}").when().put(ORGANIZATIONS + "/" + id)
                .then().statusCode(401);
        given().when().get(ORGANIZATIONS + "/" + id).then().statusCode(401);
        given().when().get(ORGANIZATIONS).then().statusCode(401);
    }

    @Test
    void aCorporateNumberWithAWrongCheckDigitIsA400NamingTheField() {
        asStaff().body(npoJson("誤番号の会", "ゴバンゴウノカイ", "8000012050002"))
                .when().post(ORGANIZATIONS).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:validation-failed"))
                .body("errors.field", hasItem("corporateNumber"));
    }

    @Test
    void aPostalCodeOfSixDigitsIsA400NamingTheField() {
        String json = npoJson("郵便の会", "ユウビンノカイ", null).replace("１００－０００１", "100-001");
        asStaff().body(json).when().post(ORGANIZATIONS).then().statusCode(400)
                .body("errors.field", hasItem("postalCode"));
    }

    @Test
    void anUnknownTypeAnEmptyNameAndOversizedTextAreEachNamed() {
        asStaff().body(npoJson("型の会", "カタノカイ", null).replace("CIVIC_GROUP", "GUILD"))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("type"));
        asStaff().body(npoJson("", "カラ", null))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("name"));
        asStaff().body(npoJson("長".repeat(201), "ナガイ", null))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("name"));
        asStaff().body(npoJson("説明の会", "セツメイノカイ", null).replace("公園の清掃と環境学習", "あ".repeat(4001)))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("description"));
        asStaff().body(npoJson("分野の会", "ブンヤノカイ", null).replace("EDUCATION", "ALCHEMY"))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("fields[1]"));
    }

    @Test
    void aReadingInKanjiAndAnInvalidEmailAreRejected() {
        asStaff().body(npoJson("読みの会", "読みの会", null))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("nameKana"));
        asStaff().body(npoJson("メールの会", "メールノカイ", null).replace("info@example.org", "no-at"))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("contact.email"));
    }

    @Test
    void aResidentGroupHasNoCorporateNumber() {
        asStaff().body("""
                {"type":"RESIDENT_GROUP","name":"住民の会","nameKana":"ジュウミンノカイ","corporateNumber":"%s"}
                """.formatted(freshCorporateNumber()))
                .when().post(ORGANIZATIONS).then().statusCode(400).body("errors.field", hasItem("corporateNumber"));
    }

    @Test
    void registeringTheSameCorporateNumberTwiceIsA409() {
        String number = freshCorporateNumber();
        register(npoJson(unique("一番目"), "イチバンメ", number));
        asStaff().body(npoJson(unique("二番目"), "ニバンメ", number))
                .when().post(ORGANIZATIONS).then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:duplicate-corporate-number"));
    }

    @Test
    void departmentsOfTheCityShareItsCorporateNumberAndStartVerifiedWithTheirCreatorAsMember() {
        String cityNumber = freshCorporateNumber();
        String department = """
                {"type":"CITY_DEPARTMENT","name":"%s","nameKana":"シミンキョウドウスイシンカ","corporateNumber":"%s"}
                """;
        Response first = register(department.formatted(unique("市民協働推進課"), cityNumber));
        register(department.formatted(unique("環境政策課"), cityNumber));

        assertThat(first.jsonPath().getString("status")).isEqualTo("VERIFIED");
        asStaff().when().get(first.header("Location") + "/members").then().statusCode(200)
                .body("subject", hasItem(STAFF1));
    }

    @Test
    void aRepeatedIdempotencyKeyRegistersOnce() {
        String name = unique("冪等の会");
        String key = UUID.randomUUID().toString();
        String first = asStaff().header("Idempotency-Key", key).body(npoJson(name, "ベキトウ", null))
                .when().post(ORGANIZATIONS).then().statusCode(201).extract().header("Location");
        String second = asStaff().header("Idempotency-Key", key).body(npoJson(name, "ベキトウ", null))
                .when().post(ORGANIZATIONS).then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().header("Location");
        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) from organization where name = ?", name)).isEqualTo(1);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        Response created = register(npoJson(unique("更新の会"), "コウシンノカイ", null));
        String location = created.header("Location");
        String profile = """
                {"name":"更新後の会","nameKana":"コウシンゴノカイ","postalCode":"2310021","fields":["WELFARE"]}
                """;

        asStaff().body(profile).when().put(location).then().statusCode(428)
                .body("type", equalTo("urn:kyodo:problem:precondition-required"));
        asStaff().header("If-Match", "\"99\"").body(profile).when().put(location).then().statusCode(412);
        Response updated = asStaff().header("If-Match", created.header("ETag")).body(profile)
                .when().put(location).then().statusCode(200)
                .body("name", equalTo("更新後の会")).body("postalCode", equalTo("231-0021"))
                .body("contact.email", nullValue())
                .extract().response();
        assertThat(updated.header("ETag")).isNotEqualTo(created.header("ETag"));
        asStaff().header("If-Match", created.header("ETag")).body(profile).when().put(location).then().statusCode(412);
    }

    @Test
    void theTypeOfAnOrganisationCannotBeChanged() {
        Response created = register(npoJson(unique("型固定の会"), "カタコテイ", null));
        asStaff().header("If-Match", created.header("ETag"))
                .body("{\"name\":\"x\",\"nameKana\":\"エックス\",\"type\":\"BUSINESS\"}").when().put(created.header("Location"))
                .then().statusCode(400).body("errors.field", hasItem("type"));
    }

    @Test
    void aRepresentativeUpdatesTheirProfileButAnotherPartnerGets403() {
        Response created = register(asPartner1(), npoJson(unique("自分の会"), "ジブンノカイ", null));
        String location = created.header("Location");
        String profile = "{\"name\":\"自分の会（改）\",\"nameKana\":\"ジブンノカイ\"}";

        asPartner2().header("If-Match", created.header("ETag")).body(profile).when().put(location).then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:forbidden"));
        asPartner2().when().get(location).then().statusCode(403);
        asPartner1().header("If-Match", created.header("ETag")).body(profile).when().put(location).then().statusCode(200);
    }

    @Test
    void theAuditTrailRecordsRegistrationAndUpdatesAndIsForStaffOnly() {
        Response created = register(asPartner1(), npoJson(unique("監査の会"), "カンサノカイ", null));
        String location = created.header("Location");
        asPartner1().header("If-Match", created.header("ETag")).body("{\"name\":\"監査の会\",\"nameKana\":\"カンサノカイ\"}")
                .when().put(location).then().statusCode(200);

        asStaff().when().get(location + "/audit-trail").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.contains("registered", "updated"))
                .body("actor", org.hamcrest.Matchers.everyItem(equalTo(PARTNER1)))
                .body("[0].toState", equalTo("UNVERIFIED"));
        asPartner1().when().get(location + "/audit-trail").then().statusCode(403);
    }
}
