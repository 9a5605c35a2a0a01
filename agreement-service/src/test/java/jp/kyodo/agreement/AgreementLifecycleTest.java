package jp.kyodo.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AgreementLifecycleTest extends AgreementTestSupport {

    @Test
    void staffOpenAnAgreementDirectlyAndTheDraftIsAnnounced() {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));

        JsonPath agreement = given().get("/api/agreements/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(agreement.getString("state")).isEqualTo("DRAFT");
        assertThat(agreement.getList("parties.name")).contains("市民協働推進課", "NPO法人 みどりの会");
        assertThat(agreement.getList("parties.actorType")).contains("CITY_DEPARTMENT", "CIVIC_GROUP");

        JsonNode drafted = payloadOf("jp.kyodo.agreement.drafted.v1", id, Duration.ofSeconds(20));
        assertThat(drafted.get("origin").asText()).isEqualTo("OPENED_BY_STAFF");
        assertThat(drafted.get("proposalId").isNull()).isTrue();
    }

    @Test
    void theWorkingCopyIsEditedOnlyWithTheCurrentETag() {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        asPartner();
        var working = given().get("/api/agreements/" + id + "/working-copy").then().statusCode(200).extract();
        String etag = working.header("ETag");
        Map<String, Object> content = working.jsonPath().getMap("content");
        content.put("approach", "月2回に増やす");
        Map<String, Object> body = Map.of("actingFor", p.npo().toString(), "content", content);

        json().body(body).put("/api/agreements/" + id + "/working-copy").then().statusCode(428);
        json().header("If-Match", "\"99\"").body(body).put("/api/agreements/" + id + "/working-copy")
                .then().statusCode(412);
        String newEtag = json().header("If-Match", etag).body(body).put("/api/agreements/" + id + "/working-copy")
                .then().statusCode(200).body("content.approach", equalTo("月2回に増やす")).extract().header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        json().header("If-Match", etag).body(body).put("/api/agreements/" + id + "/working-copy").then().statusCode(412);
    }

    @Test
    void submittingFreezesVersionOneAndEditingAfterwardsMakesTheNextFreezeVersionTwo() {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        JsonPath v1 = submit(id, p.department()).then().statusCode(201).extract().jsonPath();
        assertThat(v1.getInt("documentVersion")).isEqualTo(1);
        assertThat(v1.getString("contentSha256")).matches("[0-9a-f]{64}");
        given().get("/api/agreements/" + id).then().body("state", equalTo("AWAITING_SIGNATURES"))
                .body("pendingVersion", equalTo(1));
        submit(id, p.department()).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:invalid-transition"));

        asPartner();
        var working = given().get("/api/agreements/" + id + "/working-copy").then().extract();
        Map<String, Object> content = working.jsonPath().getMap("content");
        content.put("purpose", "里山と水辺を保全する");
        json().header("If-Match", working.header("ETag"))
                .body(Map.of("actingFor", p.npo().toString(), "content", content))
                .put("/api/agreements/" + id + "/working-copy").then().statusCode(200);
        given().get("/api/agreements/" + id).then().body("state", equalTo("DRAFT")).body("latestVersion", equalTo(1));
        JsonNode backToDraft = payloadOf("jp.kyodo.agreement.working-copy-edited.v1", id, Duration.ofSeconds(20));
        assertThat(backToDraft.get("previousState").asText()).isEqualTo("AWAITING_SIGNATURES");
        assertThat(backToDraft.get("state").asText()).isEqualTo("DRAFT");
        assertThat(backToDraft.get("withdrawnDocumentVersion").asInt()).isEqualTo(1);
        assertThat(backToDraft.get("editedFor").asText()).isEqualTo(p.npo().toString());

        asSigner();
        sign(id, p.department(), 1).then().statusCode(409);
        asPartner();
        JsonPath v2 = submit(id, p.npo()).then().statusCode(201).extract().jsonPath();
        assertThat(v2.getInt("documentVersion")).isEqualTo(2);
        assertThat(v2.getString("contentSha256")).isNotEqualTo(v1.getString("contentSha256"));

        asSigner();
        sign(id, p.department(), 1).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:outdated-version"));
        given().get("/api/agreements/" + id + "/versions").then().statusCode(200).body("documentVersion",
                equalTo(List.of(1, 2)));
        given().get("/api/agreements/" + id + "/versions/1").then().statusCode(200)
                .body("content.purpose", equalTo("里山を市民と市が協働で保全する"));
        given().get("/api/agreements/" + id + "/diff?from=1&to=2").then().statusCode(200)
                .body("changes.path", hasItem("purpose"));
    }

    @Test
    void everyPartySigningTheSameVersionActivatesTheAgreementAndAnnouncesItForTheEvaluation() {
        Parties p = parties(1_000_000L);
        UUID id = open(p, content(p, "JOINT_FUNDING", "C"));
        String sha = submit(id, p.department()).then().statusCode(201).extract().path("contentSha256");

        asSigner();
        sign(id, p.department(), 1).then().statusCode(201).body("signerRole", equalTo("SIGNATORY"))
                .body("contentSha256", equalTo(sha));
        given().get("/api/agreements/" + id).then().body("state", equalTo("AWAITING_SIGNATURES"))
                .body("awaitingSignatureFrom", equalTo(List.of(p.npo().toString())));
        sign(id, p.department(), 1).then().statusCode(409);

        asPartner();
        sign(id, p.npo(), 1).then().statusCode(201).body("signerRole", equalTo("REPRESENTATIVE"));
        given().get("/api/agreements/" + id).then().body("state", equalTo("ACTIVE")).body("versionInForce", equalTo(1));

        JsonNode activated = payloadOf("jp.kyodo.agreement.activated.v1", id, Duration.ofSeconds(20));
        assertThat(activated.get("agreementId").asText()).isEqualTo(id.toString());
        assertThat(activated.get("proposalId").isNull()).isTrue();
        assertThat(activated.get("documentVersion").asInt()).isEqualTo(1);
        assertThat(activated.get("collaborationForm").asText()).isEqualTo("JOINT_FUNDING");
        assertThat(activated.get("activityArea").asText()).isEqualTo("C");
        assertThat(activated.get("field").asText()).isEqualTo("ENVIRONMENT");
        assertThat(activated.get("fiscalYears")).hasSize(2);
        assertThat(activated.get("term").get("start").asText()).isEqualTo("2024-04-01");
        assertThat(activated.get("parties").findValuesAsText("actorType")).contains("CITY_DEPARTMENT", "CIVIC_GROUP");
        assertThat(activated.get("targets").get("indicators").get(0).get("targetValue").asInt()).isEqualTo(120);
        assertThat(activated.get("targets").get("outcomeGoals").get(0).has("goalId")).isTrue();
        assertThat(activated.get("targets").get("satisfactionTarget").get("method").asText()).isEqualTo("参加者アンケート");
        assertThat(activated.has("completedAt")).isFalse();
        JsonNode signed = payloadOf("jp.kyodo.agreement.signed.v2", id, Duration.ofSeconds(20));
        assertThat(activated.get("version").asLong()).isGreaterThan(signed.get("version").asLong());
        assertThat(signed.get("signerRole").asText()).isIn("SIGNATORY", "REPRESENTATIVE");
        assertThat(signed.has("signerSubject")).as("the person who signed is not named in events").isFalse();
        assertThat(signed.toString()).doesNotContain(PARTNER1, SIGNER1);

        asStaff();
        given().get("/api/agreements/" + id + "/audit-trail").then().statusCode(200)
                .body("action", equalTo(List.of("opened", "version-frozen", "signed", "signed", "activated")));
        asPartner();
        given().get("/api/agreements/" + id + "/audit-trail").then().statusCode(403);
    }

    @Test
    void onlyTheRepresentativeOfAVerifiedPartnerSignsForIt() {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        submit(id, p.department()).then().statusCode(201);

        as(PARTNER2, "partner");
        sign(id, p.npo(), 1).then().statusCode(403);
        as(PARTNER_SYSTEM, "partner");
        sign(id, p.npo(), 1).then().statusCode(403);
        asPartner();
        sign(id, p.department(), 1).then().statusCode(403);
        asStaff();
        sign(id, p.department(), 1).then().statusCode(403);

        organization(p.npo(), 2, "NPO法人 みどりの会", "CIVIC_GROUP", "SUSPENDED",
                member(PARTNER1, "REPRESENTATIVE", null));
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(403).body("type", equalTo("urn:kyodo:problem:organization-not-eligible"));
        given().get("/api/agreements/" + id + "/signatures").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aSignatoryWhoseLimitIsBelowTheCitysShareCannotSign() {
        Parties p = parties(100_000L);
        UUID id = open(p, content(p, "JOINT_FUNDING", "C"));
        submit(id, p.department()).then().statusCode(201);
        asSigner();
        sign(id, p.department(), 1).then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:signatory-amount-limit-exceeded"));
    }

    private static io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given();
    }
}
