package jp.kyodo.gateway.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import jp.kyodo.gateway.asyncapi.EventCatalogue.EventType;
import jp.kyodo.gateway.asyncapi.EventCatalogue.Producer;

/**
 * The event catalogue (gateway/src/main/resources/META-INF/resources/asyncapi.yaml) against the repository: it is
 * the generated one, it lists every schema file of every producing service (read from the file system, so also the
 * services the gateway does not depend on), and every example in it is valid for its producer's schema.
 */
class EventCatalogueTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** Examples must also get formats (uuid, date, date-time) right, which 2020-12 only annotates by default. */
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    /** JSON Schema keywords whose meaning the AsyncAPI 3.0 Schema Object (a draft-07 superset) shares. */
    private static final Set<String> SHARED_KEYWORDS = Set.of("$schema", "$id", "title", "description", "type", "enum",
            "const", "format", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum",
            "exclusiveMaximum", "multipleOf", "required", "properties", "additionalProperties", "items", "minItems",
            "maxItems", "uniqueItems", "oneOf", "anyOf", "allOf", "not", "default", "examples",
            // A retired type: an annotation of JSON Schema 2020-12 and a field of the AsyncAPI Schema Object alike.
            "deprecated");

    private static Path root;
    private static String committed;
    private static JsonNode catalogue;

    @BeforeAll
    static void readTheCommittedCatalogue() throws IOException {
        root = EventCatalogue.repositoryRoot();
        committed = Files.readString(root.resolve(EventCatalogue.OUTPUT), StandardCharsets.UTF_8);
        catalogue = YAML.readTree(committed);
    }

    @Test
    void theCommittedCatalogueIsTheFreshlyGeneratedOne() {
        String generated = EventCatalogue.render(root);
        if (!generated.equals(committed)) {
            fail(EventCatalogue.OUTPUT + " is out of date with the services' event schemas or examples. "
                    + "Regenerate it from the repository root with:\n  " + EventCatalogue.REGENERATE + "\n");
        }
        // The YAML reads back as exactly the generated tree (no string turned into a number or a boolean).
        assertEquals(EventCatalogue.document(root), catalogue);
        assertEquals("3.0.0", catalogue.path("asyncapi").asText());
    }

    @Test
    void everySchemaFileOfEveryServiceHasItsMessageWithSchemaAndExample() throws IOException {
        List<String> problems = new ArrayList<>();
        int seen = 0;
        for (Producer producer : EventCatalogue.PRODUCERS) {
            Path directory = root.resolve(producer.service()).resolve(EventCatalogue.SCHEMAS);
            assertTrue(Files.isDirectory(directory), "no schema directory " + directory);
            JsonNode channel = catalogue.path("channels").path(producer.channel());
            assertEquals(producer.topic(), channel.path("address").asText());
            assertEquals(producer.deadLetterTopic(),
                    catalogue.path("channels").path(producer.deadLetterChannel()).path("address").asText());
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    seen++;
                    String type = file.getFileName().toString().replaceFirst("\\.json$", "");
                    JsonNode message = catalogue.path("components").path("messages").path(type);
                    if (message.isMissingNode()) {
                        problems.add(type + ": no message");
                        continue;
                    }
                    if (!channel.path("messages").has(type)) {
                        problems.add(type + ": not on channel " + producer.topic());
                    }
                    if (!catalogue.path("components").path("schemas").path(type).equals(EventCatalogue.read(file))) {
                        problems.add(type + ": the embedded schema differs from " + root.relativize(file));
                    }
                    if (!message.path("examples").path(0).path("payload").isObject()) {
                        problems.add(type + ": no example payload");
                    }
                    if (!type.equals(message.at("/examples/0/headers/ce_type").asText())) {
                        problems.add(type + ": example headers name another type");
                    }
                    if (!type.equals(message.at("/headers/allOf/1/properties/ce_type/const").asText())) {
                        problems.add(type + ": headers do not fix ce_type");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(seen, catalogue.path("components").path("messages").size() - 1,
                "one message per schema file, plus the dead letter");
        // The four aggregate topics and the tasks topic, with their dead-letter topics, as ARCHITECTURE.md fixes them.
        Set<String> addresses = new TreeSet<>();
        catalogue.path("channels").forEach(c -> addresses.add(c.path("address").asText()));
        assertEquals(new TreeSet<>(List.of("kyodo.directory.v1", "kyodo.directory.v1.dlq", "kyodo.proposals.v1",
                "kyodo.proposals.v1.dlq", "kyodo.agreements.v1", "kyodo.agreements.v1.dlq", "kyodo.evaluations.v1",
                "kyodo.evaluations.v1.dlq", "kyodo.tasks.v1", "kyodo.tasks.v1.dlq")), addresses);
    }

    @Test
    void everyExampleInTheCatalogueValidatesAgainstItsProducersSchemaFile() {
        List<String> problems = new ArrayList<>();
        List<EventType> types = EventCatalogue.eventTypes(root);
        assertFalse(types.isEmpty());
        for (EventType type : types) {
            JsonNode example = catalogue.path("components").path("messages").path(type.type()).at("/examples/0");
            problems.addAll(problemsOf(type.type(), type.schema(), example.path("payload")));
            JsonNode headers = example.path("headers");
            String key = type.keyField();
            if (!"uuid".equals(type.schema().path("properties").path(key).path("format").asText())) {
                problems.add(type.type() + ": the first required property, " + key + ", must be the aggregate id (uuid)");
            }
            if (!headers.path("ce_subject").asText().equals(example.path("payload").path(key).asText())) {
                problems.add(type.type() + ": ce_subject is not the payload's " + key);
            }
            if (!headers.path("ce_aggregateversion").asText().equals(example.path("payload").path("version").asText())) {
                problems.add(type.type() + ": ce_aggregateversion is not the payload's version");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aBrokenExampleIsCaught() {
        EventType adopted = EventCatalogue.eventTypes(root).stream()
                .filter(t -> t.type().equals("jp.kyodo.proposal.adopted.v1")).findFirst().orElseThrow();
        assertTrue(problemsOf(adopted.type(), adopted.schema(), adopted.example()).isEmpty());

        ObjectNode missingRequired = adopted.example().deepCopy();
        missingRequired.remove("decisionRationale");
        ObjectNode personalData = adopted.example().deepCopy();
        personalData.put("representativeName", "山田 太郎");
        ObjectNode unknownCode = adopted.example().deepCopy();
        unknownCode.put("activityArea", "A");
        ObjectNode badTime = adopted.example().deepCopy();
        badTime.put("decidedAt", "2027年7月25日");
        ObjectNode badKey = adopted.example().deepCopy();
        badKey.put("proposalId", "P-12");
        for (ObjectNode broken : List.of(missingRequired, personalData, unknownCode, badTime, badKey)) {
            assertFalse(problemsOf(adopted.type(), adopted.schema(), broken).isEmpty(), "accepted " + broken);
        }
    }

    @Test
    void schemasUseOnlyKeywordsThatMeanTheSameInTheAsyncApiSchemaObject() {
        List<String> problems = new ArrayList<>();
        for (EventType type : EventCatalogue.eventTypes(root)) {
            keywords(type.type(), "", type.schema(), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyModuleWithEventSchemasIsAProducerOfTheCatalogue() throws IOException {
        Set<String> producers = new TreeSet<>();
        EventCatalogue.PRODUCERS.stream().filter(p -> !p.shared()).forEach(p -> producers.add(p.service()));
        Set<String> withSchemas = new TreeSet<>();
        try (Stream<Path> modules = Files.list(root)) {
            modules.filter(m -> Files.isDirectory(m.resolve(EventCatalogue.SCHEMAS)))
                    .forEach(m -> withSchemas.add(m.getFileName().toString()));
        }
        assertEquals(producers, withSchemas);
    }

    @Test
    void everyExampleFileHasItsSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Producer producer : EventCatalogue.PRODUCERS) {
            Path examples = root.resolve(producer.service()).resolve(EventCatalogue.EXAMPLES);
            if (!Files.isDirectory(examples)) {
                continue;
            }
            try (Stream<Path> files = Files.list(examples)) {
                for (Path file : files.sorted().toList()) {
                    Path schema = root.resolve(producer.service()).resolve(EventCatalogue.SCHEMAS).resolve(file.getFileName());
                    if (!Files.isRegularFile(schema)) {
                        problems.add(root.relativize(file) + ": no schema of that type");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    // ---------------------------------------------------------------------------------------------------------

    private static List<String> problemsOf(String type, JsonNode schema, JsonNode payload) {
        return SCHEMAS.getSchema(schema, STRICT).validate(payload).stream()
                .map(ValidationMessage::getMessage).map(m -> type + ": " + m).toList();
    }

    /** Collects keywords outside {@link #SHARED_KEYWORDS}, walking subschemas (not property names). */
    private static void keywords(String type, String path, JsonNode schema, List<String> problems) {
        if (!schema.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            if (!SHARED_KEYWORDS.contains(keyword)) {
                problems.add(type + path + ": keyword " + keyword);
            }
            switch (keyword) {
                case "properties" -> value.fields().forEachRemaining(
                        p -> keywords(type, path + "/" + p.getKey(), p.getValue(), problems));
                case "items", "additionalProperties", "not" -> keywords(type, path + "/" + keyword, value, problems);
                case "oneOf", "anyOf", "allOf" -> value.forEach(s -> keywords(type, path + "/" + keyword, s, problems));
                default -> {
                }
            }
        }
    }
}
