package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
 * Every event the system published during this run — read back from the four domain topics as an analyst would —
 * validates against the JSON Schema its producer keeps for its type. Runs after the other system tests, so it sees
 * what their flows produced.
 */
@ExtendWith(SystemUnderTest.class)
@Order(FaultOrder.SCHEMA_CHECK)
class PublishedEventsMatchSchemasIT {

    private static final List<String> TOPICS = List.of("kyodo.directory.v1", "kyodo.proposals.v1",
            "kyodo.agreements.v1", "kyodo.evaluations.v1");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @Test
    void everyPublishedEventValidatesAgainstItsSchema() throws IOException {
        Map<String, JsonSchema> schemas = schemasOfAllServices();
        Map<String, Integer> checkedPerType = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String topic : TOPICS) {
            List<ConsumerRecord<String, byte[]>> records = everythingOn(topic);
            assertTrue(!records.isEmpty(), "the system tests published nothing on " + topic);
            for (ConsumerRecord<String, byte[]> record : records) {
                String type = header(record, "ce_type");
                JsonSchema schema = schemas.get(type);
                if (schema == null) {
                    problems.add(topic + "@" + record.offset() + ": no schema for type " + type);
                    continue;
                }
                JsonNode payload = JSON.readTree(record.value());
                for (ValidationMessage message : schema.validate(payload)) {
                    problems.add(type + " " + header(record, "ce_id") + ": " + message.getMessage());
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
                "evaluation-service")) {
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

    /** The topic from its first record to its current end. */
    private static List<ConsumerRecord<String, byte[]>> everythingOn(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "schema-check-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
