package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FinalRoundTest extends EvaluationTestSupport {

    @Test
    void staffOpenTheFinalRoundOnceAndALaterCompletionOpensNoOther() {
        Collaboration c = collaboration("TOWN_PLANNING");
        String planId = activate(c);
        String path = "/api/evaluations/" + planId + "/rounds";
        String key = UUID.randomUUID().toString();
        String roundId = staff(STAFF1).header("Idempotency-Key", key)
                .body(Map.of("kind", "FINAL", "actingFor", c.department())).post(path)
                .then().statusCode(201).body("kind", equalTo("FINAL")).body("fiscalYear", equalTo(c.fiscalYear()))
                .extract().path("id");
        // A retry with the same key returns the first answer; a new request is a conflict.
        staff(STAFF1).header("Idempotency-Key", key).body(Map.of("kind", "FINAL", "actingFor", c.department())).post(path)
                .then().statusCode(201).body("id", equalTo(roundId));
        staff(STAFF1).body(Map.of("kind", "FINAL", "actingFor", c.department())).post(path).then().statusCode(409);

        Map<String, Object> completed = new LinkedHashMap<>(agreementPayload(c, 9));
        completed.put("completedAt", "2030-03-31T06:00:00Z");
        sendAgreementEvent("agreement.completed", c, 9, completed, UUID.randomUUID().toString());
        awaitTrue("the completion was received", Duration.ofSeconds(30),
                () -> count("select count(*) from kyodo_inbox where subject = ? and type = 'jp.kyodo.agreement.completed.v1'",
                        c.agreementId().toString()) == 1);
        assertThat(count("select count(*) from evaluation_round where plan_id = ?::uuid", planId)).isEqualTo(1);
        staff(STAFF1).get(path).then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void anOpenRoundCannotBePublishedOrClosed() {
        Collaboration c = collaboration("TOWN_PLANNING");
        String roundId = openInterim(c, activate(c));
        String etag = etagOf(roundId, staff(STAFF1));
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", c.department()))
                .post("/api/evaluations/rounds/" + roundId + "/publication").then().statusCode(409)
                .body("currentState", equalTo("OPEN"));
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", c.department()))
                .post("/api/evaluations/rounds/" + roundId + "/closing").then().statusCode(409);
        staff(STAFF1).body(Map.of("actingFor", c.department(), "finding", "早すぎる"))
                .post("/api/evaluations/rounds/" + roundId + "/findings").then().statusCode(409);
    }
}
