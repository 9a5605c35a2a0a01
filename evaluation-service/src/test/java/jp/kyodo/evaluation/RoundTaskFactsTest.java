package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.domain.RoundTasks;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskPublisher;
import jp.kyodo.platform.testing.KafkaRecords;

/** What a round waits for is published as task facts, with the due date shown on the round. */
@QuarkusTest
class RoundTaskFactsTest extends EvaluationTestSupport {

    @Test
    void eachPartyIsAskedForItsSelfAssessmentThenTheDepartmentForTheReviewAndThePublication() {
        try (KafkaRecords tasks = KafkaRecords.from(TaskPublisher.TOPIC)) {
            Collaboration c = collaboration("WELFARE");
            String roundId = openInterim(c, activate(c));
            String due = staff(STAFF1).get("/api/evaluations/rounds/" + roundId).then().statusCode(200).extract()
                    .path("round.stepDueOn");
            assertThat(OfficeCalendar.isOpen(LocalDate.parse(due))).isTrue();

            EvaluationRound round = new EvaluationRound();
            round.id = UUID.fromString(roundId);
            round.fiscalYear = c.fiscalYear();
            UUID partnerTask = RoundTasks.selfAssessment(round, c.partner()).taskId();
            JsonNode opened = awaitTask(tasks, TaskPublisher.OPENED, partnerTask);
            assertThat(opened.path("dueOn").asText()).isEqualTo(due);
            assertThat(opened.path("addressee").path("organizationId").asText()).isEqualTo(c.partner().toString());
            assertThat(opened.path("fiscalYear").asInt()).isEqualTo(c.fiscalYear());
            awaitTask(tasks, TaskPublisher.OPENED, RoundTasks.selfAssessment(round, c.department()).taskId());

            submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(201);
            awaitTask(tasks, TaskPublisher.COMPLETED, partnerTask);
            submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(201);
            awaitTask(tasks, TaskPublisher.OPENED, RoundTasks.review(round, c.department()).taskId());
        }
    }

    @Test
    void aClosedFinalRoundAsksTheCommitteesIndependentReviewersForTheThirdPartyAssessment() {
        try (KafkaRecords tasks = KafkaRecords.from(TaskPublisher.TOPIC)) {
            Reviewed assessed = closedFinal(collaboration("ENVIRONMENT"));
            EvaluationRound round = roundOf(assessed);
            UUID assessTask = RoundTasks.thirdPartyAssessment(round).taskId();
            JsonNode opened = awaitTask(tasks, TaskPublisher.OPENED, assessTask);
            assertThat(opened.path("addressee").path("kind").asText()).isEqualTo("REALM_ROLE");
            assertThat(opened.path("addressee").path("role").asText()).isEqualTo("reviewer");
            assertThat(opened.path("conflictedOrganizations")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(assessed.c().partner().toString(), assessed.c().department().toString());
            String due = staff(STAFF1).get("/api/evaluations/rounds/" + assessed.roundId()).then().statusCode(200)
                    .extract().path("round.thirdPartyAssessmentDueOn");
            assertThat(opened.path("dueOn").asText()).isEqualTo(due);

            as(REVIEWER1, "reviewer").body(Map.of("committee", "協働事業評価委員会", "opinion", "協働の成果が認められる"))
                    .post("/api/evaluations/rounds/" + assessed.roundId() + "/third-party-assessment").then()
                    .statusCode(201);
            awaitTask(tasks, TaskPublisher.COMPLETED, assessTask);
            staff(STAFF1).get("/api/evaluations/rounds/" + assessed.roundId()).then()
                    .body("round.thirdPartyAssessmentDueOn", org.hamcrest.Matchers.nullValue());

            // Published without it: nobody is asked any more.
            Reviewed unassessed = closedFinal(collaboration("WELFARE"));
            UUID unassessedTask = RoundTasks.thirdPartyAssessment(roundOf(unassessed)).taskId();
            awaitTask(tasks, TaskPublisher.OPENED, unassessedTask);
            publishRound(unassessed);
            assertThat(awaitTask(tasks, TaskPublisher.CANCELLED, unassessedTask).path("reason").asText())
                    .isEqualTo("PUBLISHED_WITHOUT_IT");
        }
        // An interim round is not assessed by default (kyodo.evaluations.third-party-assessment.asked-for=FINAL).
        Reviewed interim = reviewedRound("CULTURE_AND_ARTS");
        closeRound(interim);
        assertThat(count("select count(*) from kyodo_outbox where type = ? and convert_from(payload, 'UTF8') like ?",
                TaskPublisher.OPENED, "%ASSESS_AS_THIRD_PARTY%" + interim.roundId() + "%")).isZero();
    }

    /** A FINAL round of the collaboration in which both parties submitted and the review was closed. */
    private Reviewed closedFinal(Collaboration c) {
        String planId = activate(c);
        String roundId = staff(STAFF1).body(Map.of("kind", "FINAL", "actingFor", c.department()))
                .post("/api/evaluations/" + planId + "/rounds").then().statusCode(201).extract().path("id");
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of())).then().statusCode(201);
        submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(201);
        Reviewed reviewed = new Reviewed(c, planId, roundId);
        closeRound(reviewed);
        return reviewed;
    }

    private EvaluationRound roundOf(Reviewed r) {
        EvaluationRound round = new EvaluationRound();
        round.id = UUID.fromString(r.roundId());
        round.fiscalYear = staff(STAFF1).get("/api/evaluations/rounds/" + r.roundId()).then().extract()
                .path("round.fiscalYear");
        return round;
    }

    private JsonNode awaitTask(KafkaRecords records, String type, UUID taskId) {
        var record = records.await(r -> KafkaRecords.ofType(type).test(r) && taskId.toString().equals(r.key()),
                Duration.ofSeconds(20));
        try {
            return mapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
