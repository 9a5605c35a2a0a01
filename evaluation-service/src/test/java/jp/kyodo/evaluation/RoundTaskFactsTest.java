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
