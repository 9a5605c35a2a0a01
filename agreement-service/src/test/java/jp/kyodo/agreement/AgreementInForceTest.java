package jp.kyodo.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class AgreementInForceTest extends AgreementTestSupport {

    @Test
    void anAmendmentNeedsEverySignatureAgainWhileTheSignedVersionStaysInForce() {
        Parties p = parties(null);
        UUID id = activeAgreement(p, content(p, "AGREEMENT", "C"));
        asPartner();
        var working = RestAssured.given().get("/api/agreements/" + id + "/working-copy").then().extract();
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(), "content",
                working.jsonPath().getMap("content"))).put("/api/agreements/" + id + "/working-copy")
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:amendment-needed"));

        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.npo().toString(), "reason", "活動回数を増やす"))
                .post("/api/agreements/" + id + "/amendments").then().statusCode(200)
                .body("amendmentState", equalTo("DRAFTING"));
        JsonNode started = payloadOf("jp.kyodo.agreement.amendment-started.v1", id, Duration.ofSeconds(20));
        assertThat(started.get("documentVersionInForce").asInt()).isEqualTo(1);
        assertThat(started.get("reason").asText()).isEqualTo("活動回数を増やす");
        working = RestAssured.given().get("/api/agreements/" + id + "/working-copy").then().extract();
        Map<String, Object> content = working.jsonPath().getMap("content");
        content.put("approach", "月2回の保全活動");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(), "content",
                content)).put("/api/agreements/" + id + "/working-copy").then().statusCode(200);
        submit(id, p.npo()).then().statusCode(201);
        RestAssured.given().get("/api/agreements/" + id).then().body("state", equalTo("ACTIVE"))
                .body("versionInForce", equalTo(1)).body("pendingVersion", equalTo(2));

        asSigner();
        sign(id, p.department(), 2).then().statusCode(201);
        asPartner();
        sign(id, p.npo(), 2).then().statusCode(201);
        RestAssured.given().get("/api/agreements/" + id).then().body("versionInForce", equalTo(2))
                .body("amendmentState", equalTo("NONE"));
        JsonNode amended = payloadOf("jp.kyodo.agreement.amended.v1", id, Duration.ofSeconds(20));
        assertThat(amended.get("documentVersion").asInt()).isEqualTo(2);
        assertThat(amended.get("previousDocumentVersion").asInt()).isEqualTo(1);
    }

    @Test
    void thePublicSummaryOfAnActiveAgreementIsReadableWithoutLoginAndHidesLiabilities() {
        Parties p = parties(null);
        UUID draft = open(p, content(p, "AGREEMENT", "C"));
        UUID id = activeAgreement(p, content(p, "AGREEMENT", "C"));
        anonymous();
        RestAssured.given().get("/api/agreements/public/" + draft).then().statusCode(404);
        RestAssured.given().get("/api/agreements/" + id).then().statusCode(401);
        String body = RestAssured.given().get("/api/agreements/public/" + id).then().statusCode(200)
                .body("form", equalTo("AGREEMENT"))
                .body("tasksByParty.name", hasItem("NPO法人 みどりの会"))
                .body("costs.cityShareYen", equalTo(500000))
                .body("outcomeOwnership[0].owner", equalTo("JOINT"))
                .body("publicClauses.heading", equalTo(List.of("協議")))
                .extract().asString();
        assertThat(body).doesNotContain("ボランティア保険", "内部連絡", "liabilities", PARTNER1);
        RestAssured.given().get("/api/agreements/public").then().statusCode(200).body("items.agreementId",
                hasItem(id.toString())).body("items.agreementId", not(hasItem(draft.toString())));
    }

    @Test
    void eachFrozenVersionPrintsAsAJapaneseAgreementDocument() {
        Parties p = parties(null);
        UUID id = activeAgreement(p, content(p, "AGREEMENT", "C"));
        RestAssured.given().get("/api/agreements/" + id + "/versions/1/document").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("協定書"), containsString("@media print"), containsString("役割分担"),
                        containsString("NPO法人 みどりの会"), containsString("300,000円"), containsString("令和6年度"),
                        containsString("成果の帰属"), containsString("代表者"), containsString("決裁権者"));
    }

    @Test
    void partnersReportActualCostsAndTheDepartmentSettlesThem() {
        Parties p = parties(null);
        UUID id = activeAgreement(p, content(p, "JOINT_FUNDING", "C"));
        asPartner();
        Map<String, Object> report = Map.of("actingFor", p.npo().toString(), "fiscalYear", 2024,
                "lines", List.of(Map.of("item", "用具", "actualYen", 250000)));
        long before = Long.parseLong(etag(id).replace("\"", ""));
        json().body(report).post("/api/agreements/" + id + "/cost-reports").then().statusCode(201)
                .body("actualTotalYen", equalTo(250000));
        JsonNode filed = payloadOf("jp.kyodo.agreement.cost-report-filed.v1", id, Duration.ofSeconds(20));
        assertThat(filed.get("version").asLong()).as("a report is a new version of the agreement").isEqualTo(before + 1);
        assertThat(filed.get("organizationId").asText()).isEqualTo(p.npo().toString());
        assertThat(filed.get("fiscalYear").asInt()).isEqualTo(2024);
        assertThat(filed.get("actualCostYen").asLong()).isEqualTo(250000);
        json().body(report).post("/api/agreements/" + id + "/cost-reports").then().statusCode(409);

        asStaff();
        json().body(Map.of("actingFor", p.department().toString(), "organizationId", p.npo().toString(),
                "fiscalYear", 2024, "confirmedAmountYen", 400000, "alreadyPaidYen", 300000))
                .post("/api/agreements/" + id + "/settlements").then().statusCode(400)
                .body("errors.field", hasItem("confirmedAmountYen"));
        json().body(Map.of("actingFor", p.department().toString(), "organizationId", p.npo().toString(),
                "fiscalYear", 2024, "confirmedAmountYen", 250000, "alreadyPaidYen", 300000))
                .post("/api/agreements/" + id + "/settlements").then().statusCode(201)
                .body("toReturnYen", equalTo(50000)).body("toPayYen", equalTo(0));
        JsonNode settled = payloadOf("jp.kyodo.agreement.settlement-recorded.v1", id, Duration.ofSeconds(20));
        assertThat(settled.get("toReturnYen").asLong()).isEqualTo(50000);
        anonymous();
        RestAssured.given().get("/api/agreements/public/" + id).then().statusCode(200)
                .body("settlements[0].toReturnYen", equalTo(50000));
    }

    @Test
    void overdueMilestonesAreListedForStaffUntilReachedAndCompletionIsAnnounced() {
        Parties p = parties(null);
        UUID id = activeAgreement(p, content(p, "AGREEMENT", "C"));
        asStaff();
        String milestone = RestAssured.given().get("/api/agreements/milestones/overdue?limit=100").then().statusCode(200)
                .body("items.agreementId", hasItem(id.toString())).extract().jsonPath()
                .getString("items.find { it.agreementId == '" + id + "' }.milestoneId");
        asPartner();
        RestAssured.given().get("/api/agreements/milestones/overdue").then().statusCode(403);
        json().body(Map.of("actingFor", p.npo().toString(), "reachedOn", "2024-09-28"))
                .post("/api/agreements/" + id + "/milestones/" + milestone + "/reached").then().statusCode(200);
        JsonNode reached = payloadOf("jp.kyodo.agreement.milestone-reached.v1", id, Duration.ofSeconds(20));
        assertThat(reached.get("milestoneId").asText()).isEqualTo(milestone);
        assertThat(reached.get("reachedOn").asText()).isEqualTo("2024-09-28");
        assertThat(reached.get("recordedFor").asText()).isEqualTo(p.npo().toString());
        asStaff();
        RestAssured.given().get("/api/agreements/milestones/overdue?limit=100").then()
                .body("items.agreementId", not(hasItem(id.toString())));

        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.department().toString(), "reason", "事業完了"))
                .post("/api/agreements/" + id + "/completion").then().statusCode(200).body("state", equalTo("COMPLETED"));
        JsonNode completed = payloadOf("jp.kyodo.agreement.completed.v1", id, Duration.ofSeconds(20));
        assertThat(completed.has("completedAt")).isTrue();
        assertThat(completed.get("documentVersion").asInt()).isEqualTo(1);
        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.department().toString(), "reason", "再度"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(409);
    }

    @Test
    void aPartnersRepresentativeCanTerminateWithAReason() {
        Parties p = parties(null);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        as(PARTNER2, "partner");
        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.npo().toString(), "reason", "解散"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(403);
        asPartner();
        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.npo().toString(), "reason", "  "))
                .post("/api/agreements/" + id + "/termination").then().statusCode(400);
        json().header("If-Match", etag(id)).body(Map.of("actingFor", p.npo().toString(), "reason", "団体の解散"))
                .post("/api/agreements/" + id + "/termination").then().statusCode(200)
                .body("state", equalTo("TERMINATED")).body("endReason", equalTo("団体の解散"));
        assertThat(payloadOf("jp.kyodo.agreement.terminated.v1", id, Duration.ofSeconds(20)).get("reason").asText())
                .isEqualTo("団体の解散");
    }
}
