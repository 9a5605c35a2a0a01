package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.platform.testing.KafkaRecords;

@QuarkusTest
class PlanFromAgreementEventsTest extends EvaluationTestSupport {

    @Test
    void anActivatedAgreementGetsAnEvaluationPlanWithItsTargetsAndParties() {
        Collaboration c = collaboration("ENVIRONMENT");
        String planId = activate(c);

        staff(STAFF1).get("/api/evaluations/" + planId).then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("agreementId", equalTo(c.agreementId().toString()))
                .body("field", equalTo("ENVIRONMENT"))
                .body("parties", hasSize(2))
                .body("parties[0].actorType", equalTo("CITY_DEPARTMENT"))
                .body("indicators", hasSize(2))
                .body("indicators[0].unit", equalTo("回"))
                .body("indicators[0].targetValue", equalTo(12))
                .body("outcomeGoals[0].goalId", equalTo(c.goals().get(0).toString()))
                .body("satisfactionTargetPercent", equalTo(80))
                .body("fiscalYears[0]", equalTo(c.fiscalYear()));
        staff(STAFF1).queryParam("agreementId", c.agreementId()).get("/api/evaluations").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(planId));

        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode created = awaitEvent(records, EvaluationEvents.PLAN_CREATED, planId);
            assertThat(created.get("agreementId").asText()).isEqualTo(c.agreementId().toString());
            assertThat(created.get("agreementVersion").asLong()).isEqualTo(5);
            assertThat(created.get("indicators")).hasSize(2);
            assertThat(created.get("parties").get(1).get("actorType").asText()).isEqualTo("CIVIC_GROUP");
            assertThat(created.get("parties").get(1).has("name")).as("no names in events").isFalse();
        }
        staff(STAFF1).get("/api/evaluations/" + planId + "/audit-trail").then().statusCode(200)
                .body("[0].action", equalTo("created"));
    }

    @Test
    void thePlanIsCreatedExactlyOnceHoweverOftenTheActivationArrives() {
        Collaboration c = collaboration("WELFARE");
        String eventId = UUID.randomUUID().toString();
        sendAgreementEvent("agreement.activated", c, 5, agreementPayload(c, 5), eventId);
        sendAgreementEvent("agreement.activated", c, 5, agreementPayload(c, 5), eventId);
        sendAgreementEvent("agreement.activated", c, 7, agreementPayload(c, 7), UUID.randomUUID().toString());
        sendAgreementEvent("agreement.amended", c, 8, Map.of("anything", "else"), UUID.randomUUID().toString());
        String planId = awaitPlan(c);
        // The completion comes after them on the same partition: once its round exists, all of them were handled.
        sendCompletion(c, 9);
        awaitTrue("the final round", Duration.ofSeconds(30),
                () -> count("select count(*) from evaluation_round where plan_id = ?::uuid and kind = 'FINAL'", planId) == 1);

        assertThat(count("select count(*) from evaluation_plan where agreement_id = ?", c.agreementId())).isEqualTo(1);
        assertThat(count("select count(*) from kyodo_outbox where type = ? and subject = ?", EvaluationEvents.PLAN_CREATED,
                planId)).isEqualTo(1);
        assertThat(text("select agreement_version::text from evaluation_plan where id = ?::uuid", planId)).isEqualTo("5");
    }

    @Test
    void theAgreementsCompletionOpensTheFinalRoundOnce() {
        Collaboration c = collaboration("EDUCATION");
        String planId = activate(c);
        sendCompletion(c, 9);
        sendCompletion(c, 10);
        awaitTrue("the final round", Duration.ofSeconds(30),
                () -> count("select count(*) from evaluation_round where plan_id = ?::uuid", planId) == 1);
        String roundId = text("select id::text from evaluation_round where plan_id = ?::uuid", planId);

        staff(STAFF1).get("/api/evaluations/rounds/" + roundId).then().statusCode(200)
                .body("round.kind", equalTo("FINAL")).body("round.status", equalTo("OPEN"))
                .body("round.fiscalYear", equalTo(c.fiscalYear()));
        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode opened = awaitEvent(records, EvaluationEvents.ROUND_OPENED, roundId);
            assertThat(opened.get("kind").asText()).isEqualTo("FINAL");
            assertThat(opened.get("partyIds")).hasSize(2);
        }
        // A second completion (redelivered with a new id) opened nothing more.
        sendAgreementEvent("agreement.terminated", c, 11, Map.of(), UUID.randomUUID().toString());
        awaitTrue("the terminated event was received", Duration.ofSeconds(30),
                () -> count("select count(*) from kyodo_inbox where subject = ? and type = 'jp.kyodo.agreement.terminated.v1'",
                        c.agreementId().toString()) == 1);
        assertThat(count("select count(*) from evaluation_round where plan_id = ?::uuid", planId)).isEqualTo(1);
    }

    @Test
    void aCompletionSeenBeforeItsActivationStillMakesThePlanAndTheFinalRound() {
        Collaboration c = collaboration("HEALTH");
        sendCompletion(c, 9);
        String planId = awaitPlan(c);
        awaitTrue("the final round", Duration.ofSeconds(30),
                () -> count("select count(*) from evaluation_round where plan_id = ?::uuid and kind = 'FINAL'", planId) == 1);
        sendAgreementEvent("agreement.activated", c, 5, agreementPayload(c, 5), UUID.randomUUID().toString());
        awaitTrue("the late activation was received", Duration.ofSeconds(30),
                () -> count("select count(*) from kyodo_inbox where subject = ? and type = 'jp.kyodo.agreement.activated.v1'",
                        c.agreementId().toString()) == 1);
        assertThat(count("select count(*) from evaluation_plan where agreement_id = ?", c.agreementId())).isEqualTo(1);
    }

    @Test
    void aCollaborationAgreementServiceSaysIsNotEvaluatedGetsNoPlan() {
        Collaboration c = collaboration("CULTURE_AND_ARTS");
        Map<String, Object> endorsement = new LinkedHashMap<>(agreementPayload(c, 5));
        endorsement.put("collaborationForm", "ENDORSEMENT");
        endorsement.put("evaluated", false);
        sendAgreementEvent("agreement.activated", c, 5, endorsement, UUID.randomUUID().toString());
        Map<String, Object> completed = new LinkedHashMap<>(endorsement);
        completed.put("completedAt", "2027-08-01T00:00:00Z");
        sendAgreementEvent("agreement.completed", c, 9, completed, UUID.randomUUID().toString());
        awaitTrue("both events were received", Duration.ofSeconds(30),
                () -> count("select count(*) from kyodo_inbox where subject = ?", c.agreementId().toString()) == 2);
        assertThat(count("select count(*) from evaluation_plan where agreement_id = ?", c.agreementId())).isZero();
    }

    @Test
    void aPlanIsReadByItsPartiesAndCityStaffOnly() {
        Collaboration c = collaboration("WELFARE");
        String planId = activate(c);
        partner(PARTNER1).get("/api/evaluations/" + planId).then().statusCode(200);
        staff(SIGNER1).get("/api/evaluations/" + planId).then().statusCode(200);
        as(ANALYST1, "analyst").get("/api/evaluations/" + planId).then().statusCode(200);
        partner(PARTNER2).get("/api/evaluations/" + planId).then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:forbidden"));
        anonymous().get("/api/evaluations/" + planId).then().statusCode(401);
        partner(PARTNER2).queryParam("agreementId", c.agreementId()).get("/api/evaluations").then().statusCode(200)
                .body("items", hasSize(0));
        partner(PARTNER1).get("/api/evaluations/" + planId + "/audit-trail").then().statusCode(403);
        staff(STAFF1).get("/api/evaluations/" + UUID.randomUUID()).then().statusCode(404);
        staff(STAFF1).queryParam("agreementId", "not-a-uuid").get("/api/evaluations").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("agreementId"));
    }

    @Test
    void theItemCatalogueNamesEveryItemOfBothTracksInJapanese() {
        anonymous().get("/api/evaluations/items").then().statusCode(200)
                .body("", hasSize(21))
                .body("findAll { it.track == 'PROJECT' }", hasSize(6))
                .body("findAll { it.track == 'COLLABORATION' }", hasSize(15))
                .body("find { it.item == 'COLLABORATION_PRINCIPLE_EQUALITY' }.labelJa", equalTo("対等の原則"))
                .body("find { it.item == 'PROJECT_INDICATOR_ACHIEVEMENT' }.scoredPer", equalTo("INDICATOR"))
                .body("find { it.item == 'PROJECT_COST_EFFECTIVENESS' }.trackLabelJa", equalTo("事業の評価"));
    }

    private void sendCompletion(Collaboration c, long version) {
        Map<String, Object> payload = new LinkedHashMap<>(agreementPayload(c, version));
        payload.put("completedAt", "2030-03-31T06:00:00Z");
        sendAgreementEvent("agreement.completed", c, version, payload, UUID.randomUUID().toString());
    }
}
