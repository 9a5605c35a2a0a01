package jp.kyodo.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.agreement.domain.AgreementTasks;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.TaskPublisher;

/** The steps of an agreement that wait for someone are published as task facts, by the rules that enforce them. */
@QuarkusTest
class AgreementTaskFactsTest extends AgreementTestSupport {

    @Test
    void freezingAsksEachPartyToSignThroughThePeopleWhoMaySignAndSigningEndsItsTask() {
        Parties p = parties(1_000_000L);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        submit(id, p.department()).then().statusCode(201);
        String due = given().get("/api/agreements/" + id).then().statusCode(200).extract().path("signaturesDueOn");
        assertThat(LocalDate.parse(due)).isAfter(LocalDate.now().plusDays(13)).matches(OfficeCalendar::isOpen);

        UUID departmentTask = AgreementTasks.signature(id, 1, p.department()).taskId();
        UUID npoTask = AgreementTasks.signature(id, 1, p.npo()).taskId();
        JsonNode department = opened(departmentTask);
        assertThat(texts(department.path("actors"))).containsExactly(SIGNER1);
        assertThat(department.path("dueOn").asText()).isEqualTo(due);
        assertThat(department.path("departmentId").asText()).isEqualTo(p.department().toString());
        assertThat(texts(opened(npoTask).path("actors"))).as("the representative, not the other members")
                .containsExactly(PARTNER1);

        asSigner();
        sign(id, p.department(), 1).then().statusCode(201);
        assertThat(ended(TaskPublisher.COMPLETED, departmentTask).path("action").asText()).isEqualTo("SIGN_AGREEMENT");
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(201);
        ended(TaskPublisher.COMPLETED, npoTask);
        given().get("/api/agreements/" + id).then().statusCode(200);
        assertThat((Object) given().get("/api/agreements/" + id).path("signaturesDueOn")).isNull();
    }

    @Test
    void aSignatoryBelowTheCitysShareIsNotAmongThoseAskedAndEditingWithdrawsTheRequest() {
        Parties p = parties(1L);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        submit(id, p.department()).then().statusCode(201);
        UUID departmentTask = AgreementTasks.signature(id, 1, p.department()).taskId();
        assertThat(opened(departmentTask).path("actors").size()).isZero();

        asPartner();
        var working = given().get("/api/agreements/" + id + "/working-copy").then().statusCode(200).extract();
        Map<String, Object> content = working.jsonPath().getMap("content");
        content.put("approach", "月2回に増やす");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(), "content", content))
                .put("/api/agreements/" + id + "/working-copy").then().statusCode(200);
        assertThat(ended(TaskPublisher.CANCELLED, departmentTask).path("reason").asText()).isEqualTo("VERSION_WITHDRAWN");
        ended(TaskPublisher.CANCELLED, AgreementTasks.signature(id, 1, p.npo()).taskId());
    }

    private JsonNode opened(UUID taskId) {
        return fact(TaskPublisher.OPENED, taskId);
    }

    private JsonNode ended(String type, UUID taskId) {
        return fact(type, taskId);
    }

    private JsonNode fact(String type, UUID taskId) {
        try (var records = jp.kyodo.platform.testing.KafkaRecords.from(TaskPublisher.TOPIC)) {
            var record = records.await(r -> jp.kyodo.platform.testing.KafkaRecords.ofType(type).test(r)
                    && taskId.toString().equals(r.key()), java.time.Duration.ofSeconds(20));
            return mapper.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
