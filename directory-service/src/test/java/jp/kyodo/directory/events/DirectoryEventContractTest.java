package jp.kyodo.directory.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.directory.readmodel.OrganizationSnapshot;
import jp.kyodo.platform.events.EventSchemas;
import jp.kyodo.platform.testing.KafkaRecords;

/**
 * Every directory event as published on Kafka matches its JSON Schema, is a CloudEvent keyed by the organisation,
 * reads as the {@link OrganizationSnapshot} consumers use, and carries no personal data.
 */
@QuarkusTest
class DirectoryEventContractTest extends DirectoryTestSupport {

    @Inject
    EventSchemas schemas;

    @Test
    void everyEventTypeIsPublishedMatchingItsSchemaWithoutPersonalData() throws Exception {
        String id = registerNpo(unique("契約の会"));
        String path = ORGANIZATIONS + "/" + id;
        asStaff().header("If-Match", etagOf(id)).body("{\"name\":\"契約の会（改）\",\"nameKana\":\"ケイヤクノカイ\","
                + "\"corporateNumber\":\"" + freshCorporateNumber() + "\",\"fields\":[\"HEALTH\"]}").when().put(path)
                .then().statusCode(200);
        verify(id);
        asStaff().body("{\"subject\":\"" + PARTNER1 + "\",\"role\":\"REPRESENTATIVE\",\"displayName\":\"山田 太郎\","
                + "\"email\":\"taro@example.jp\"}").when().post(path + "/members").then().statusCode(201);
        asStaff().header("If-Match", etagOf(id)).when().delete(path + "/members/" + PARTNER1).then().statusCode(204);
        asStaff().header("If-Match", etagOf(id)).body("{\"to\":\"SUSPENDED\",\"reason\":\"確認のため\"}")
                .when().post(path + "/status-changes").then().statusCode(200);
        long last = Long.parseLong(etagOf(id).replace("\"", ""));

        Map<String, JsonNode> byType = new java.util.LinkedHashMap<>();
        try (KafkaRecords records = KafkaRecords.from(TOPIC)) {
            records.await(r -> id.equals(r.key()) && DirectoryEvents.SUSPENDED.equals(KafkaRecords.header(r, "ce_type"))
                    && Long.toString(last).equals(KafkaRecords.header(r, "ce_aggregateversion")), java.time.Duration.ofSeconds(30));
            for (ConsumerRecord<String, byte[]> record : records.seen()) {
                if (!id.equals(record.key())) {
                    continue;
                }
                String type = KafkaRecords.header(record, "ce_type");
                String body = new String(record.value(), StandardCharsets.UTF_8);
                JsonNode payload = mapper.readTree(body);
                assertThat(schemas.validate(type, payload)).as(type + " matches its schema").isEmpty();
                assertThat(KafkaRecords.header(record, "ce_subject")).isEqualTo(id);
                assertThat(KafkaRecords.header(record, "ce_source")).isEqualTo("/kyodo/directory-service");
                assertThat(KafkaRecords.header(record, "ce_aggregateversion")).isEqualTo(payload.get("version").asText());
                assertThat(body).as("no names or contact data of people").doesNotContain("山田", "taro@example.jp",
                        "info@example.org", "045-123-4567", "市内1-2-3");
                // As the consumers read it: fields an event type adds to the snapshot (eligibility) are ignored.
                mapper.readerFor(OrganizationSnapshot.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .readValue(payload);
                byType.put(type, payload);
            }
        }
        assertThat(byType.keySet()).containsExactlyInAnyOrderElementsOf(DirectoryEvents.ALL);
        assertThat(byType.get(DirectoryEvents.MEMBER_ADDED).get("memberChange").get("added").asBoolean()).isTrue();
        assertThat(byType.get(DirectoryEvents.MEMBER_REMOVED).get("memberChange").get("subject").asText()).isEqualTo(PARTNER1);
        assertThat(byType.get(DirectoryEvents.UPDATED).get("fields").get(0).asText()).isEqualTo("HEALTH");
        assertThat(byType.get(DirectoryEvents.ELIGIBILITY_CHECKED).get("eligibility")).hasSize(4);
        assertThat(byType.get(DirectoryEvents.ELIGIBILITY_CHECKED).toString()).as("no evidence, no checker")
                .doesNotContain("会則", "checkedBy", STAFF1);
    }

    @Test
    void everySchemaForbidsUndeclaredPropertiesAndRequiresTheSnapshotFields() throws Exception {
        for (String type : DirectoryEvents.ALL) {
            JsonNode schema = mapper.readTree(getClass().getClassLoader()
                    .getResourceAsStream("events/schemas/" + type + ".json"));
            assertThat(schema.get("additionalProperties").asBoolean()).as(type).isFalse();
            assertThat(schema.get("required").toString()).contains("organizationId", "version", "status", "members");
            assertThat(schemas.validate(type, mapper.readTree("{\"organizationId\":\"x\",\"email\":\"a@b\"}")))
                    .as(type + " rejects a broken payload").isNotEmpty();
        }
    }
}
