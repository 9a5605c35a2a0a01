package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskPublisher;
import jp.kyodo.platform.tasks.TaskRef;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.proposal.domain.ProposalTasks;

/** The department's reply and the committee's scores are published as task facts, with their due dates shown. */
@QuarkusTest
class ProposalTaskFactsTest extends ProposalTestSupport {

    @Test
    void aSubmissionWaitsForTheDepartmentsReplyAndAScreeningForEachReviewersScores() {
        try (KafkaRecords tasks = KafkaRecords.from(TaskPublisher.TOPIC)) {
            Fixture f = submittedProposal();
            UUID id = UUID.fromString(f.id());
            String due = staff(STAFF1).get("/api/proposals/" + f.id()).then().statusCode(200)
                    .body("replyDueOn", notNullValue()).extract().path("replyDueOn");
            assertThat(OfficeCalendar.isOpen(LocalDate.parse(due))).isTrue();
            TaskRef reply = TaskRef.of(ProposalTasks.AGGREGATE, id, ProposalTasks.REPLY, TaskAddressee.organization(f.department()));
            JsonNode opened = await(tasks, TaskPublisher.OPENED, reply.taskId());
            assertThat(opened.path("dueOn").asText()).isEqualTo(due);
            assertThat(opened.path("title").path("ja").asText()).startsWith("提案「");

            staff(STAFF1).header("If-Match", etagOf(f.id())).body(Map.of("actingFor", f.department()))
                    .post("/api/proposals/" + f.id() + "/consultation").then().statusCode(200);
            await(tasks, TaskPublisher.COMPLETED, reply.taskId());

            staff(STAFF1).header("If-Match", etagOf(f.id())).body(Map.of("actingFor", f.department(), "reviewers",
                    List.of(REVIEWER1, REVIEWER2), "criteriaWeights", Map.of("PIONEERING", 2)))
                    .post("/api/proposals/" + f.id() + "/screening").then().statusCode(200)
                    .body("scoresDueOn", notNullValue());
            TaskRef first = TaskRef.of(ProposalTasks.AGGREGATE, id, ProposalTasks.SCORE, TaskAddressee.person(REVIEWER1)).occurrence(1);
            TaskRef second = TaskRef.of(ProposalTasks.AGGREGATE, id, ProposalTasks.SCORE, TaskAddressee.person(REVIEWER2)).occurrence(1);
            await(tasks, TaskPublisher.OPENED, first.taskId());
            await(tasks, TaskPublisher.OPENED, second.taskId());
            reviewer(REVIEWER1).body(ScreeningAndDecisionTest.scores(4, 4)).post("/api/proposals/" + f.id() + "/scores")
                    .then().statusCode(201);
            await(tasks, TaskPublisher.COMPLETED, first.taskId());
            staff(STAFF1).header("If-Match", etagOf(f.id())).body(Map.of("actingFor", f.department(), "outcome",
                    "ADOPTED", "rationale", "地域の担い手が育つ")).post("/api/proposals/" + f.id() + "/decision").then()
                    .statusCode(200);
            assertThat(await(tasks, TaskPublisher.CANCELLED, second.taskId()).path("reason").asText()).isEqualTo("ADOPTED");
        }
    }

    private JsonNode await(KafkaRecords records, String type, UUID taskId) {
        var record = records.await(r -> KafkaRecords.ofType(type).test(r) && taskId.toString().equals(r.key()),
                Duration.ofSeconds(20));
        try {
            return mapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
