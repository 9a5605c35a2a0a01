package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.platform.testing.KafkaRecords;

@QuarkusTest
class SelfAssessmentTest extends EvaluationTestSupport {

    @Test
    void staffOfTheDepartmentOpenAnInterimRoundForOneOfTheAgreementsFiscalYears() {
        Collaboration c = collaboration("WELFARE");
        String planId = activate(c);
        String path = "/api/evaluations/" + planId + "/rounds";

        staff(STAFF1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear() + 1, "actingFor", c.department()))
                .post(path).then().statusCode(400).body("errors.field", hasItem("fiscalYear"));
        staff(SIGNER1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear(), "actingFor", c.department()))
                .post(path).then().statusCode(403);
        partner(PARTNER1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear(), "actingFor", c.partner()))
                .post(path).then().statusCode(403);
        staff(STAFF1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear())).post(path).then().statusCode(400)
                .body("errors.field", hasItem("actingFor"));

        String roundId = openInterim(c, planId);
        staff(STAFF1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear(), "actingFor", c.department()))
                .post(path).then().statusCode(409);
        staff(STAFF1).get(path).then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(roundId)).body("items[0].status", equalTo("OPEN"))
                .body("items[0].submittedCount", equalTo(0)).body("items[0].partyCount", equalTo(2));
        staff(STAFF1).get("/api/evaluations/rounds/" + roundId + "/audit-trail").then().statusCode(200)
                .body("[0].action", equalTo("opened")).body("[0].toState", equalTo("OPEN"))
                .body("[0].actingFor", equalTo(c.department().toString()));
    }

    @Test
    void aPartySubmitsBothTracksAndTheIndicatorsAchievementRateIsComputed() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));

        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of(EvaluationItem.PROJECT_COST_EFFECTIVENESS, 2)))
                .then().statusCode(201)
                .body("submitted", equalTo(true)).body("sealed", equalTo(false))
                .body("project.find { it.targetId == '" + c.indicators().get(0) + "' }.achievementRate", equalTo(125.0f))
                .body("project.find { it.targetId == '" + c.indicators().get(1) + "' }.achievementRate", equalTo(75.0f))
                .body("project.find { it.item == 'PROJECT_COST_EFFECTIVENESS' }.score", equalTo(2))
                .body("project.find { it.item == 'PROJECT_COST_EFFECTIVENESS' }.reason", equalTo("想定より参加が少なかった"))
                .body("collaboration", hasSize(15));

        partner(PARTNER1).get("/api/evaluations/rounds/" + roundId + "/self-assessments/" + c.partner()).then()
                .statusCode(200).body("project", hasSize(7));
        staff(STAFF1).get("/api/evaluations/rounds/" + roundId).then().statusCode(200)
                .body("round.status", equalTo("OPEN")).body("round.submittedCount", equalTo(1));
    }

    @Test
    void scoresOutsideOneToFiveAreRefusedNamingTheField() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));
        Map<String, Object> body = withLine(assessment(c, Map.of()), "collaboration", 0, "score", 6);
        submitAs(partner(PARTNER1), roundId, c.partner(), body).then().statusCode(400)
                .body("errors.field", hasItem("collaboration[0].score"));
        body = withLine(assessment(c, Map.of()), "project", 3, "score", 0);
        submitAs(partner(PARTNER1), roundId, c.partner(), body).then().statusCode(400)
                .body("errors.field", hasItem("project[3].score"));
    }

    @Test
    void aScoreOfOneOrTwoWithoutAReasonIsRefused() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));
        Map<String, Object> body = withLine(assessment(c, Map.of()), "collaboration", 2, "score", 1);
        submitAs(partner(PARTNER1), roundId, c.partner(), body).then().statusCode(400)
                .body("type", equalTo("urn:kyodo:problem:validation-failed"))
                .body("errors.field", hasItem("collaboration[2].reason"));
        body = withLine(withLine(assessment(c, Map.of()), "collaboration", 2, "score", 2), "collaboration", 2, "reason", " ");
        submitAs(partner(PARTNER1), roundId, c.partner(), body).then().statusCode(400)
                .body("errors.field", hasItem("collaboration[2].reason"));
    }

    @Test
    void unknownMissingDuplicatedOrMisplacedItemsAreRefused() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));

        submitAs(partner(PARTNER1), roundId, c.partner(),
                withLine(assessment(c, Map.of()), "collaboration", 0, "item", "COLLABORATION_FRIENDSHIP"))
                .then().statusCode(400);

        Map<String, Object> missing = assessment(c, Map.of());
        removeLine(missing, "collaboration", 14);
        submitAs(partner(PARTNER1), roundId, c.partner(), missing).then().statusCode(400)
                .body("errors.field", hasItem("collaboration"));

        Map<String, Object> duplicated = assessment(c, Map.of());
        duplicateLine(duplicated, "collaboration", 0);
        submitAs(partner(PARTNER1), roundId, c.partner(), duplicated).then().statusCode(400)
                .body("errors.field", hasItem("collaboration[15].item"));

        Map<String, Object> misplaced = withLine(assessment(c, Map.of()), "project", 4, "item", "COLLABORATION_SYNERGY");
        submitAs(partner(PARTNER1), roundId, c.partner(), misplaced).then().statusCode(400)
                .body("errors.field", hasItem("project[4].item"));

        Map<String, Object> unknownIndicator = withLine(assessment(c, Map.of()), "project", 0, "indicatorId",
                java.util.UUID.randomUUID().toString());
        submitAs(partner(PARTNER1), roundId, c.partner(), unknownIndicator).then().statusCode(400)
                .body("errors.field", hasItem("project[0].indicatorId"));

        Map<String, Object> noActual = withLine(assessment(c, Map.of()), "project", 0, "actualValue", null);
        submitAs(partner(PARTNER1), roundId, c.partner(), noActual).then().statusCode(400)
                .body("errors.field", hasItem("project[0].actualValue"));
        assertThat(count("select count(*) from self_assessment where round_id = ?::uuid", roundId)).isZero();
    }

    @Test
    void noOneSubmitsForAPartyTheyDoNotBelongTo() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));
        submitAs(partner(PARTNER2), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(403);
        submitAs(partner(PARTNER1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(403);
        submitAs(staff(SIGNER1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(403);
        java.util.UUID outsider = npo(PARTNER2);
        submitAs(partner(PARTNER2), roundId, outsider, assessment(c, Map.of())).then().statusCode(403);
        submitAs(anonymous(), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(401);
    }

    @Test
    void aSubmittedAssessmentCannotBeSubmittedAgainOrChangedByAnyone() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(201);
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of(EvaluationItem.COLLABORATION_SPREAD, 5)))
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:conflict"));
        submitAs(staff(STAFF1), roundId, c.partner(), assessment(c, Map.of(EvaluationItem.COLLABORATION_SPREAD, 5)))
                .then().statusCode(403);
        partner(PARTNER1).get("/api/evaluations/rounds/" + roundId + "/self-assessments/" + c.partner()).then()
                .statusCode(200).body("collaboration.find { it.item == 'COLLABORATION_SPREAD' }.score", equalTo(3));
    }

    @Test
    void whenEveryPartyHasSubmittedTheRoundMovesToReviewAndTheEventsCarryNoScores() {
        Collaboration c = collaboration("WELFARE");
        String roundId = openInterim(c, activate(c));
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(201);
        submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(201);

        staff(STAFF1).get("/api/evaluations/rounds/" + roundId).then().statusCode(200)
                .body("round.status", equalTo("IN_REVIEW")).body("round.submittedCount", equalTo(2));
        submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(409);

        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode inReview = awaitEvent(records, EvaluationEvents.ROUND_IN_REVIEW, roundId);
            assertThat(inReview.get("status").asText()).isEqualTo("IN_REVIEW");
            List<JsonNode> submitted = new ArrayList<>();
            records.seen().stream()
                    .filter(r -> EvaluationEvents.SELF_ASSESSMENT_SUBMITTED.equals(KafkaRecords.header(r, "ce_type"))
                            && roundId.equals(KafkaRecords.header(r, "ce_subject")))
                    .forEach(r -> submitted.add(read(r.value())));
            assertThat(submitted).hasSize(2);
            assertThat(submitted.get(0).get("organizationId").asText()).isEqualTo(c.partner().toString());
            assertThat(submitted.get(1).get("submittedCount").asInt()).isEqualTo(2);
            for (JsonNode event : submitted) {
                assertThat(event.toString()).doesNotContain("\"score\"").doesNotContain("project")
                        .doesNotContain("collaboration");
            }
            assertThat(submitted.get(1).get("version").asLong()).isLessThan(inReview.get("version").asLong());
        }
        staff(STAFF1).get("/api/evaluations/rounds/" + roundId + "/audit-trail").then().statusCode(200)
                .body("action", hasItems("opened", "self-assessment-submitted", "review-started"))
                .body("find { it.action == 'review-started' }.toState", equalTo("IN_REVIEW"));
    }

    private JsonNode read(byte[] value) {
        try {
            return mapper.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withLine(Map<String, Object> body, String track, int index, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) copy.get(track));
        Map<String, Object> line = new LinkedHashMap<>(lines.get(index));
        if (value == null) {
            line.remove(key);
        } else {
            line.put(key, value);
        }
        lines.set(index, line);
        copy.put(track, lines);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static void removeLine(Map<String, Object> body, String track, int index) {
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) body.get(track));
        lines.remove(index);
        body.put(track, lines);
    }

    @SuppressWarnings("unchecked")
    static void duplicateLine(Map<String, Object> body, String track, int index) {
        List<Map<String, Object>> lines = new ArrayList<>((List<Map<String, Object>>) body.get(track));
        lines.add(lines.get(index));
        body.put(track, lines);
    }
}
