package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.platform.testing.KafkaRecords;

/**
 * The seal: no party's scores are visible to anyone but that party until every party has submitted — in no round
 * view, list, review, statistic or event.
 */
@QuarkusTest
class SealedAssessmentTest extends EvaluationTestSupport {

    /** A round in which only the partner has submitted. */
    private record HalfSubmitted(Collaboration c, String planId, String roundId) {
    }

    private HalfSubmitted partnerSubmittedOnly() {
        Collaboration c = collaboration("CULTURE_AND_ARTS");
        String planId = activate(c);
        String roundId = openInterim(c, planId);
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of(EvaluationItem.COLLABORATION_SYNERGY, 5)))
                .then().statusCode(201);
        return new HalfSubmitted(c, planId, roundId);
    }

    @Test
    void aPartyThatHasNotSubmittedSeesNoOtherPartysScoresInTheRoundView() {
        HalfSubmitted h = partnerSubmittedOnly();
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(200)
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.submitted", equalTo(true))
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.sealed", equalTo(true))
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.project", nullValue())
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.collaboration", nullValue())
                .body("findings", hasSize(0));
        // The partner sees its own scores.
        partner(PARTNER1).get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(200)
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.sealed", equalTo(false))
                .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.project", hasSize(7));
    }

    @Test
    void aPartyThatHasNotSubmittedSeesNoOtherPartysScoresInTheListOfSelfAssessments() {
        HalfSubmitted h = partnerSubmittedOnly();
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments").then().statusCode(200)
                .body("", hasSize(2))
                .body("find { it.organizationId == '" + h.c().partner() + "' }.project", nullValue())
                .body("find { it.organizationId == '" + h.c().department() + "' }.submitted", equalTo(false));
        staff(STAFF1).get("/api/evaluations/" + h.planId() + "/rounds").then().statusCode(200)
                .body("items[0].submittedCount", equalTo(1)).body("items[0].project", nullValue());
    }

    @Test
    void readingAnotherPartysSelfAssessmentBeforeSubmittingIsForbidden() {
        HalfSubmitted h = partnerSubmittedOnly();
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().partner()).then()
                .statusCode(403);
        // Not even once the partner's own has been submitted does it see the city's pending one.
        partner(PARTNER1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().department()).then()
                .statusCode(403);
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().department()).then()
                .statusCode(404);
    }

    @Test
    void theSideBySideReviewDoesNotExistBeforeEveryPartySubmitted() {
        HalfSubmitted h = partnerSubmittedOnly();
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/review").then().statusCode(409);
        partner(PARTNER1).get("/api/evaluations/rounds/" + h.roundId() + "/review").then().statusCode(409);
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/findings").then().statusCode(409);
    }

    @Test
    void staffCoordinatorsReviewersAndAnalystsWhoAreNotAPartySeeNoScoresBeforeTheReview() {
        HalfSubmitted h = partnerSubmittedOnly();
        for (RequestSpecification outsider : new RequestSpecification[] { staff(SIGNER1), as(COORDINATOR1, "coordinator"),
                as(REVIEWER1, "reviewer"), as(ANALYST1, "analyst"), as(ADMIN1, "admin") }) {
            outsider.get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(200)
                    .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.sealed", equalTo(true))
                    .body("parties.find { it.organizationId == '" + h.c().partner() + "' }.project", nullValue());
        }
        staff(SIGNER1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().partner()).then()
                .statusCode(403);
        as(ANALYST1, "analyst").get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().partner())
                .then().statusCode(403);
        partner(PARTNER2).get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(403);
        anonymous().get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(401);
        anonymous().get("/api/evaluations/published/" + h.roundId()).then().statusCode(404);
    }

    @Test
    void statisticsNeverCountARoundBeforeItsReviewIsClosed() {
        HalfSubmitted h = partnerSubmittedOnly();
        as(ANALYST1, "analyst").queryParam("fiscalYear", h.c().fiscalYear()).get("/api/evaluations/statistics").then()
                .statusCode(200).body("cells", hasSize(0));
        staff(STAFF1).queryParam("fiscalYear", h.c().fiscalYear()).queryParam("by", "ACTOR_TYPE")
                .get("/api/evaluations/statistics").then().statusCode(200).body("cells", hasSize(0));
        submitAs(staff(STAFF1), h.roundId(), h.c().department(), assessment(h.c(), Map.of())).then().statusCode(201);
        as(ANALYST1, "analyst").queryParam("fiscalYear", h.c().fiscalYear()).get("/api/evaluations/statistics").then()
                .statusCode(200).body("cells", hasSize(0));
    }

    @Test
    void noEventCarriesScoresBeforePublication() {
        HalfSubmitted h = partnerSubmittedOnly();
        submitAs(staff(STAFF1), h.roundId(), h.c().department(), assessment(h.c(), Map.of())).then().statusCode(201);
        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            awaitEvent(records, jp.kyodo.evaluation.events.EvaluationEvents.ROUND_IN_REVIEW, h.roundId());
            var ofRound = records.drain(Duration.ofMillis(300)).stream()
                    .filter(r -> h.roundId().equals(KafkaRecords.header(r, "ce_subject"))).toList();
            assertThat(ofRound).hasSizeGreaterThanOrEqualTo(4);
            ofRound.forEach(r -> assertThat(KafkaRecords.value(r)).doesNotContain("\"score\"")
                    .doesNotContain("COLLABORATION_SYNERGY"));
        }
    }

    @Test
    void onceEveryPartySubmittedThePartiesAndStaffSeeEveryScore() {
        HalfSubmitted h = partnerSubmittedOnly();
        submitAs(staff(STAFF1), h.roundId(), h.c().department(), assessment(h.c(), Map.of())).then().statusCode(201);
        staff(STAFF1).get("/api/evaluations/rounds/" + h.roundId() + "/self-assessments/" + h.c().partner()).then()
                .statusCode(200).body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.score", equalTo(5));
        partner(PARTNER1).get("/api/evaluations/rounds/" + h.roundId()).then().statusCode(200)
                .body("parties.find { it.organizationId == '" + h.c().department() + "' }.project", notNullValue());
        staff(SIGNER1).get("/api/evaluations/rounds/" + h.roundId() + "/review").then().statusCode(200);
        partner(PARTNER2).get("/api/evaluations/rounds/" + h.roundId() + "/review").then().statusCode(403);
        anonymous().get("/api/evaluations/rounds/" + h.roundId() + "/review").then().statusCode(401);
    }
}
