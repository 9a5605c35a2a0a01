package jp.kyodo.platform.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jp.kyodo.platform.events.EventSchemas;

class TaskFactsTest {

    private static final UUID AGREEMENT = UUID.fromString("e2b4d6f8-0a1c-4e3f-8b5d-7f9a1c3e5b7d");
    private static final UUID NPO = UUID.fromString("3f2c8a10-5b7e-4c1d-9a2f-0d6e1b4c7a01");
    private static final UUID CITY = UUID.fromString("8b1e4f2a-7c3d-4e5f-a6b7-c8d9e0f1a2b3");

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final EventSchemas schemas = new EventSchemas();

    @Test
    void theTaskIdDependsOnEveryPartOfTheStepAndNothingElse() {
        TaskRef npoSigns = TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.organization(NPO)).occurrence(1);
        assertThat(npoSigns.taskId()).as("computed again, the same")
                .isEqualTo(TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.organization(NPO)).occurrence(1).taskId());
        assertThat(List.of(
                TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.organization(CITY)).occurrence(1),
                npoSigns.occurrence(2),
                TaskRef.of("agreement", AGREEMENT, "FILE_COST_REPORT", TaskAddressee.organization(NPO)).occurrence(1),
                npoSigns.fiscalYear(2027),
                TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.role(CITY, "SIGNATORY")).occurrence(1),
                TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.person("a-subject")).occurrence(1),
                TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.realmRole("reviewer")).occurrence(1)))
                .extracting(TaskRef::taskId).doesNotHaveDuplicates().doesNotContain(npoSigns.taskId());
    }

    @Test
    void malformedStepsAreRefused() {
        assertThatThrownBy(() -> TaskRef.of("agreement", AGREEMENT, "sign", TaskAddressee.organization(NPO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskAddressee.person(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskAddressee.realmRole("REVIEWER")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenTask(TaskRef.of("agreement", AGREEMENT, "SIGN", TaskAddressee.organization(NPO)),
                null, null, "署名", "Sign", "https://example.org")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePublishedPayloadsFollowTheSharedSchemas() {
        TaskRef ref = TaskRef.of("agreement", AGREEMENT, "SIGN_AGREEMENT", TaskAddressee.organization(NPO)).occurrence(1);
        var opened = new TaskPublisher.Opened(ref.taskId(), ref.action(), ref.aggregateType(), AGREEMENT, 1, null,
                ref.addressee(), List.of("a0000000-0000-4000-8000-000000000003"), null, CITY, LocalDate.of(2027, 9, 3),
                new TaskPublisher.Title("署名する", "Sign"), "/api/agreements/" + AGREEMENT, Instant.parse("2027-08-20T01:00:00Z"));
        assertThat(schemas.validate(TaskPublisher.OPENED, json.valueToTree(opened))).isEmpty();
        TaskRef committee = TaskRef.of("evaluation-round", AGREEMENT, "ASSESS_AS_THIRD_PARTY",
                TaskAddressee.realmRole("reviewer")).fiscalYear(2027);
        var toReviewers = new TaskPublisher.Opened(committee.taskId(), committee.action(), committee.aggregateType(),
                AGREEMENT, 0, 2027, committee.addressee(), List.of(), List.of(NPO, CITY), CITY, LocalDate.of(2027, 9, 3),
                new TaskPublisher.Title("第三者評価をする", "Assess"), "/api/evaluations/rounds/" + AGREEMENT,
                Instant.parse("2027-08-20T01:00:00Z"));
        assertThat(schemas.validate(TaskPublisher.OPENED, json.valueToTree(toReviewers))).isEmpty();
        var person = new TaskPublisher.Ended(ref.taskId(), ref.action(), ref.aggregateType(), AGREEMENT,
                TaskAddressee.person("reviewer-1"), Instant.parse("2027-08-21T00:00:00Z"), null);
        assertThat(schemas.validate(TaskPublisher.COMPLETED, json.valueToTree(person))).isEmpty();
        var cancelled = new TaskPublisher.Ended(ref.taskId(), ref.action(), ref.aggregateType(), AGREEMENT,
                TaskAddressee.role(CITY, "SIGNATORY"), Instant.parse("2027-08-21T00:00:00Z"), "VERSION_REPLACED");
        assertThat(schemas.validate(TaskPublisher.CANCELLED, json.valueToTree(cancelled))).isEmpty();
        assertThat(schemas.validate(TaskPublisher.CANCELLED, json.valueToTree(person))).as("a cancellation names its reason")
                .isNotEmpty();
    }
}
