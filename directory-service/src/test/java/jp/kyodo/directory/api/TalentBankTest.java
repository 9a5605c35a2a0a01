package jp.kyodo.directory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.directory.domain.PurposeOfUse;
import jp.kyodo.directory.service.TalentBankService;

@QuarkusTest
class TalentBankTest extends DirectoryTestSupport {

    private static final String TALENT = "/api/directory/talent-bank";
    private static final String ENTRIES = TALENT + "/entries";

    @Inject
    TalentBankService talentBank;

    private static String entryJson(String name, String skill) {
        return """
                {"displayName":"%s","displayNameKana":"たかはし はなこ","skills":["%s","会計"],"fields":["WELFARE"],
                 "availability":"土日の午前","email":"hanako@example.jp","consentToBeContacted":true,"purposeId":"%s"}
                """.formatted(name, skill, PurposeOfUse.CURRENT.id());
    }

    /** Registers an entry as a new person (each test uses fresh subjects). */
    private static Response registerAs(String subject, String name, String skill) {
        return as(subject, "citizen").body(entryJson(name, skill)).when().post(ENTRIES)
                .then().statusCode(201).extract().response();
    }

    private static String person() {
        return "person-" + UUID.randomUUID();
    }

    @Test
    void thePurposeOfUseIsStatedPubliclyBeforeConsent() {
        given().when().get(TALENT + "/purpose-of-use").then().statusCode(200)
                .body("id", equalTo(PurposeOfUse.CURRENT.id())).body("ja", org.hamcrest.Matchers.containsString("利用"));
    }

    @Test
    void aPersonRegistersWithConsentAndAnEntryWithoutConsentIsRefused() {
        String subject = person();
        as(subject, "citizen").body(entryJson("高橋花子", "手話").replace("\"consentToBeContacted\":true",
                "\"consentToBeContacted\":false")).when().post(ENTRIES).then().statusCode(400)
                .body("errors.field", hasItem("consentToBeContacted"));
        as(subject, "citizen").body(entryJson("高橋花子", "手話").replace(PurposeOfUse.CURRENT.id(), "old-purpose"))
                .when().post(ENTRIES).then().statusCode(400).body("errors.field", hasItem("purposeId"));
        as(subject, "citizen").body(entryJson("高橋花子", "手話").replace("\"hanako@example.jp\"", "null"))
                .when().post(ENTRIES).then().statusCode(400).body("errors.field", hasItem("email"));
        as(subject, "citizen").body(entryJson("", "手話")).when().post(ENTRIES).then().statusCode(400)
                .body("errors.field", hasItem("displayName"));

        Response created = registerAs(subject, "高橋花子", "手話");
        assertThat(created.jsonPath().getString("expiresAt")).isNotBlank();
        as(subject, "citizen").body(entryJson("高橋花子", "手話")).when().post(ENTRIES).then().statusCode(409);
        as(subject, "citizen").when().get(ENTRIES + "/me").then().statusCode(200).body("skills", hasItem("手話"));
    }

    @Test
    void staffAndCoordinatorsSearchBySkillFieldAndVariantNameAndEveryEntryShownIsLogged() {
        String skill = "点字" + UUID.randomUUID().toString().substring(0, 6);
        String id = registerAs(person(), "髙橋花子", skill).jsonPath().getString("id");

        List<String> found = asStaff().queryParam("skill", skill).queryParam("field", "WELFARE").when().get(ENTRIES)
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(found).containsExactly(id);
        List<String> byName = as(COORDINATOR1, "coordinator").queryParam("skill", skill).queryParam("name", "高橋")
                .when().get(ENTRIES).then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(byName).containsExactly(id);
        assertThat(asStaff().queryParam("skill", skill).queryParam("field", "HEALTH").when().get(ENTRIES)
                .then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        as(COORDINATOR1, "coordinator").when().get(ENTRIES + "/" + id).then().statusCode(200)
                .body("email", equalTo("hanako@example.jp"));

        asAdmin().queryParam("entryId", id).when().get(TALENT + "/access-log").then().statusCode(200)
                .body("items.reader", org.hamcrest.Matchers.contains(STAFF1, COORDINATOR1, COORDINATOR1))
                .body("items.access", org.hamcrest.Matchers.contains("SEARCH", "SEARCH", "READ"));
    }

    @Test
    void nothingPersonalIsReadableAnonymouslyOrByPartnersAndTheLogIsForAdminsOnly() {
        String id = registerAs(person(), "山田一郎", "木工").jsonPath().getString("id");
        given().when().get(ENTRIES + "/" + id).then().statusCode(401);
        given().when().get(ENTRIES).then().statusCode(401);
        given().when().get(TALENT + "/access-log").then().statusCode(401);
        asPartner1().when().get(ENTRIES + "/" + id).then().statusCode(403);
        asPartner1().when().get(ENTRIES).then().statusCode(403);
        asStaff().when().get(TALENT + "/access-log").then().statusCode(403);
        asPartner1().when().delete(ENTRIES + "/" + id).then().statusCode(404);
    }

    @Test
    void onlyThePersonChangesTheirEntryWithIfMatchAndRenewingConsentExtendsRetention() {
        String subject = person();
        Response created = registerAs(subject, "佐藤次郎", "写真");
        String id = created.jsonPath().getString("id");
        execute("update talent_entry set expires_at = now() + interval '1 day' where id = ?", UUID.fromString(id));
        String etag = as(subject, "citizen").when().get(ENTRIES + "/" + id).then().statusCode(200).extract().header("ETag");

        asStaff().header("If-Match", etag).body(entryJson("書き換え", "写真")).when().put(ENTRIES + "/" + id).then().statusCode(403);
        as(subject, "citizen").body(entryJson("佐藤次郎", "動画")).when().put(ENTRIES + "/" + id).then().statusCode(428);
        Response renewed = as(subject, "citizen").header("If-Match", etag).when().post(ENTRIES + "/" + id + "/consent-renewal")
                .then().statusCode(200).extract().response();
        assertThat(java.time.OffsetDateTime.parse(renewed.jsonPath().getString("expiresAt")))
                .isAfter(java.time.OffsetDateTime.now().plusDays(300));
        as(subject, "citizen").header("If-Match", renewed.header("ETag")).body(entryJson("佐藤次郎", "動画"))
                .when().put(ENTRIES + "/" + id).then().statusCode(200).body("skills", hasItem("動画"));
    }

    @Test
    void withdrawingConsentReallyDeletesTheEntryButTheLogKeepsWhoReadIt() {
        String subject = person();
        String id = registerAs(subject, "鈴木三郎", "料理").jsonPath().getString("id");
        asStaff().when().get(ENTRIES + "/" + id).then().statusCode(200);

        // Withdrawal is a write like any other: If-Match, here "*" - the person withdraws whatever the entry holds.
        as(subject, "citizen").when().delete(ENTRIES + "/" + id).then().statusCode(428);
        as(subject, "citizen").header("If-Match", "\"99\"").when().delete(ENTRIES + "/" + id).then().statusCode(412);
        as(subject, "citizen").header("If-Match", "*").when().delete(ENTRIES + "/" + id).then().statusCode(204);

        assertThat(count("select count(*) from talent_entry where id = ?", UUID.fromString(id))).isZero();
        assertThat(count("select count(*) from talent_skill where entry_id = ?", UUID.fromString(id))).isZero();
        asStaff().when().get(ENTRIES + "/" + id).then().statusCode(404);
        asAdmin().queryParam("entryId", id).when().get(TALENT + "/access-log").then().statusCode(200)
                .body("items.reader", hasItem(STAFF1));
    }

    @Test
    void anEntryWhoseRetentionPeriodEndedWithoutRenewedConsentIsHiddenAndThenDeleted() {
        String skill = "剪定" + UUID.randomUUID().toString().substring(0, 6);
        String id = registerAs(person(), "田中四郎", skill).jsonPath().getString("id");
        execute("update talent_entry set expires_at = now() - interval '1 second' where id = ?", UUID.fromString(id));

        assertThat(asStaff().queryParam("skill", skill).when().get(ENTRIES).then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
        asStaff().when().get(ENTRIES + "/" + id).then().statusCode(404);

        assertThat(talentBank.purgeExpired()).isPositive();
        assertThat(count("select count(*) from talent_entry where id = ?", UUID.fromString(id))).isZero();
        asStaff().when().get(ORGANIZATIONS + "/" + id + "/audit-trail").then().statusCode(404);
    }

    @Test
    void talentBankDataNeverReachesTheOutbox() {
        registerAs(person(), "非公開五郎", "通訳");
        assertThat(count("select count(*) from kyodo_outbox where convert_from(payload, 'UTF8') like ?", "%非公開五郎%"))
                .isZero();
    }
}
