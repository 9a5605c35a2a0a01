package jp.kyodo.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.directory.domain.PurposeOfUse;
import jp.kyodo.platform.testing.KafkaRecords;

/** 人材紹介: matching a need, asking the talent, their answer, and their contact shared only once they accepted. */
@QuarkusTest
class IntroductionTest extends DirectoryTestSupport {

    @Test
    void theContactIsSharedOnlyWithAnAcceptedIntroductionAndNoEventNamesTheTalent() {
        String talent = "talent-" + UUID.randomUUID();
        String email = "hoiku-" + UUID.randomUUID() + "@example.jp";
        String entry = as(talent, "citizen").body(Map.of("displayName", "保育 花子", "skills", List.of("保育士"),
                "fields", List.of("CHILD_REARING"), "availability", "平日の午後", "area", "中区", "email", email,
                "consentToBeContacted", true, "purposeId", PurposeOfUse.CURRENT.id()))
                .post("/api/directory/talent-bank/entries").then().statusCode(201).body("area", equalTo("中区"))
                .extract().path("id");
        String npo = registerNpo(unique("子育てひろば"));
        asStaff().body("{\"subject\":\"" + PARTNER1 + "\",\"role\":\"REPRESENTATIVE\"}").post(ORGANIZATIONS + "/" + npo
                + "/members").then().statusCode(201);

        as(COORDINATOR1, "coordinator").queryParam("field", "CHILD_REARING").queryParam("skill", "保育")
                .queryParam("area", "中区").get("/api/directory/matches").then().statusCode(200)
                .body("talents.talentEntryId", hasItem(entry)).body(not(containsString(email)));
        as(COORDINATOR1, "coordinator").queryParam("area", "北区").queryParam("skill", "保育").get("/api/directory/matches")
                .then().statusCode(200).body("talents.talentEntryId", not(hasItem(entry)));
        asPartner1().get("/api/directory/matches").then().statusCode(403);
        assertThat(count("select count(*) from talent_access_log where entry_id = ?::uuid and access = 'SEARCH'", entry))
                .isGreaterThanOrEqualTo(1);

        String intake = UUID.randomUUID().toString();
        as(COORDINATOR1, "coordinator").body(Map.of("talentEntryId", entry, "message", "助言をお願いします"))
                .post("/api/directory/introductions").then().statusCode(400).body("errors.field", hasItem("intakeId"));
        String id = as(COORDINATOR1, "coordinator").body(Map.of("talentEntryId", entry, "intakeId", intake,
                "recipientOrganizationId", npo, "fields", List.of("CHILD_REARING"), "message", "助言をお願いします"))
                .post("/api/directory/introductions").then().statusCode(201).body("state", equalTo("REQUESTED"))
                .extract().path("id");
        String path = "/api/directory/introductions/" + id;
        asPartner1().get(path).then().statusCode(404);
        asStaff().get(path).then().statusCode(200).body("contact", nullValue());
        String etag = as(talent, "citizen").get(path).then().statusCode(200).body("contact.email", equalTo(email))
                .extract().header("ETag");
        as(talent, "citizen").get("/api/directory/me/introductions").then().statusCode(200).body("items.id", hasItem(id));
        asPartner1().header("If-Match", etag).body(Map.of("accept", true)).post(path + "/answer").then().statusCode(404);
        as(talent, "citizen").header("If-Match", "\"999\"").body(Map.of("accept", true)).post(path + "/answer").then()
                .statusCode(412);
        as(talent, "citizen").header("If-Match", etag).body(Map.of("accept", true)).post(path + "/answer").then()
                .statusCode(200).body("state", equalTo("ACCEPTED"));
        as(talent, "citizen").header("If-Match", "*").body(Map.of("accept", false)).post(path + "/answer").then()
                .statusCode(409);
        asPartner1().get(path).then().statusCode(200).body("contact.email", equalTo(email));
        as(COORDINATOR1, "coordinator").get(path).then().statusCode(200).body("contact.email", equalTo(email));

        try (KafkaRecords records = KafkaRecords.from(TOPIC)) {
            ConsumerRecord<String, byte[]> accepted = records.await(r -> id.equals(r.key())
                    && "jp.kyodo.introduction.accepted.v1".equals(KafkaRecords.header(r, "ce_type")), Duration.ofSeconds(30));
            String body = new String(accepted.value(), StandardCharsets.UTF_8);
            assertThat(body).contains(intake).doesNotContain(email).doesNotContain(talent).doesNotContain(entry)
                    .doesNotContain("保育 花子");
        }
    }
}
