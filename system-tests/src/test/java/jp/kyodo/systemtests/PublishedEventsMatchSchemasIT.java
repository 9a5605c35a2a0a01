package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Every event the system published during this run — read back from the domain topics and the tasks topic as an analyst would —
 * validates against the JSON Schema its producer keeps for its type. Runs after the other system tests, so it sees
 * what their flows produced.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.SCHEMA_CHECK)
class PublishedEventsMatchSchemasIT {

    private static final List<String> TOPICS = List.of("kyodo.directory.v1", "kyodo.proposals.v1",
            "kyodo.agreements.v1", "kyodo.evaluations.v1", "kyodo.tasks.v1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyPublishedEventValidatesAgainstItsSchema() throws IOException {
        Map<String, JsonSchema> schemas = schemasOfAllServices();
        Map<String, Integer> checkedPerType = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, byte[]>> records = KafkaEvents.wholeTopic(topic, ByteArrayDeserializer.class);
            assertTrue(!records.isEmpty(), "the system tests published nothing on " + topic);
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = KafkaEvents.header(record, "ce_type");
                JsonSchema schema = schemas.get(type);
                if (schema == null) {
                    problems.add(topic + "@" + record.offset() + ": no schema for type " + type);
                    continue;
                }
                JsonNode payload = JSON.readTree(record.value());
                for (ValidationMessage message : schema.validate(payload)) {
                    problems.add(type + " " + KafkaEvents.header(record, "ce_id") + ": " + message.getMessage());
                }
                checkedPerType.merge(type, 1, Integer::sum);
            }
        }
        System.out.println("Published events validated against their schemas: "
                + checkedPerType.values().stream().mapToInt(Integer::intValue).sum() + " " + checkedPerType);
        assertEquals(List.of(), problems);
    }

    private static Map<String, JsonSchema> schemasOfAllServices() throws IOException {
        Path repo = Path.of(System.getProperty("kyodo.repo.root", "..")).toAbsolutePath().normalize();
        Map<String, JsonSchema> schemas = new TreeMap<>();
        for (String service : List.of("directory-service", "proposal-service", "agreement-service",
                "evaluation-service", "platform/core")) {
            try (Stream<Path> files = Files.list(repo.resolve(service).resolve("src/main/resources/events/schemas"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                    try (InputStream in = Files.newInputStream(file)) {
                        schemas.put(type, SCHEMAS.getSchema(in));
                    }
                }
            }
        }
        return schemas;
    }
}
