package jp.kyodo.gateway.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Generates the event catalogue for analysts, {@value #OUTPUT} (AsyncAPI 3.0), from what the producers keep beside
 * their code: the JSON Schema of every CloudEvents type at {@code <service>/src/main/resources/events/schemas/<type>.json}
 * and an example payload at {@code <service>/src/main/resources/events/examples/<type>.json}. The outbox refuses to
 * publish a type that has no schema file, so the schema files are the complete list of what can be emitted.
 * <p>
 * Regenerate after changing a schema or an example (from the repository root):
 * {@value #REGENERATE}
 */
public final class EventCatalogue {

    public static final String OUTPUT = "gateway/src/main/resources/META-INF/resources/asyncapi.yaml";
    public static final String REGENERATE = "./mvnw -B -q -f gateway/pom.xml test-compile "
            + "org.codehaus.mojo:exec-maven-plugin:3.5.1:java -Dexec.classpathScope=test "
            + "-Dexec.mainClass=jp.kyodo.gateway.asyncapi.EventCatalogue";

    static final String SCHEMAS = "src/main/resources/events/schemas/";
    static final String EXAMPLES = "src/main/resources/events/examples/";
    static final String BINDING_VERSION = "0.5.0";
    static final String HEADERS_SCHEMA = "CloudEventsKafkaHeaders";
    static final String DEAD_LETTER_MESSAGE = "deadLetter";
    /** Used as {@code ce_time} of an example whose payload carries no time of its own. */
    static final String DEFAULT_EXAMPLE_TIME = "2027-04-01T00:00:00Z";

    /**
     * A module whose schemas define a topic's events: a service that publishes them and owns the topic, or (for the task
     * facts) the platform, whose one schema per type every owning service publishes with.
     */
    public record Producer(String service, String topic, String channel, String description) {

        /** The task facts: every service publishes them, each with its own CloudEvents source. */
        public boolean shared() {
            return service.startsWith("platform/");
        }

        public String source() {
            return shared() ? "/kyodo/agreement-service" : "/kyodo/" + service;
        }

        public String deadLetterTopic() {
            return topic + ".dlq";
        }

        public String deadLetterChannel() {
            return channel + "DeadLetters";
        }
    }

    /** The four topics, as ARCHITECTURE.md fixes them: one per aggregate family. */
    public static final List<Producer> PRODUCERS = List.of(
            new Producer("directory-service", "kyodo.directory.v1", "directory",
                    "Organisations (協働の主体) and their members, keyed by organisation id. Every event carries the whole "
                            + "public snapshot of the organisation after the change."),
            new Producer("proposal-service", "kyodo.proposals.v1", "proposals",
                    "Collaboration themes (協働テーマ, keyed by theme id) and proposals (協働事業提案, keyed by proposal id) "
                            + "from submission to decision."),
            new Producer("agreement-service", "kyodo.agreements.v1", "agreements",
                    "Agreements (協定) from draft through signatures, amendments and settlements to completion, keyed "
                            + "by agreement id."),
            new Producer("evaluation-service", "kyodo.evaluations.v1", "evaluations",
                    "Evaluation plans (keyed by plan id) and evaluation rounds (keyed by round id): self-assessment, "
                            + "mutual review, closing and publication (評価・公表)."),
            new Producer("platform/core", "kyodo.tasks.v1", "tasks",
                    "Task facts (やること): a step that waits for someone opened, completed or cancelled, keyed by task id. "
                            + "The service whose rule opens the step publishes them through its own outbox, in the "
                            + "transaction of the change; notification-service turns them into people's task lists, "
                            + "mails and reminders."));

    /** One event type as found in the repository. */
    public record EventType(Producer producer, String type, Path schemaFile, JsonNode schema, Path exampleFile,
            JsonNode example) {

        /** The payload property holding the aggregate id: by convention the first required property. */
        public String keyField() {
            return schema.path("required").path(0).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            // Every string value quoted: YAML 1.1 readers would otherwise take dates and times for timestamps.
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventCatalogue() {
    }

    /** Writes the catalogue. Optional argument: the repository root (default: found from the working directory). */
    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : repositoryRoot();
        Path out = root.resolve(OUTPUT);
        Files.createDirectories(out.getParent());
        Files.writeString(out, render(root), StandardCharsets.UTF_8);
        System.out.println("Wrote " + out.toAbsolutePath().normalize());
    }

    /** The repository root: the working directory or its parent (Maven runs tests in the module directory). */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.isDirectory(candidate.resolve("gateway")) && Files.isRegularFile(candidate.resolve("pom.xml"))
                    && Files.isDirectory(candidate.resolve("platform"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Cannot find the repository root above " + here);
    }

    /** The catalogue as it must be committed. */
    public static String render(Path root) {
        try {
            return "# Generated by jp.kyodo.gateway.asyncapi.EventCatalogue (gateway test sources) from the producers'\n"
                    + "# events/schemas and events/examples. Do not edit; regenerate from the repository root with\n"
                    + "# " + REGENERATE + "\n"
                    + YAML.writeValueAsString(document(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every schema file of every producer, with its example; fails naming every example that is missing. */
    public static List<EventType> eventTypes(Path root) {
        List<EventType> types = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Producer producer : PRODUCERS) {
            for (Path schemaFile : schemaFiles(root, producer)) {
                String type = schemaFile.getFileName().toString().replaceFirst("\\.json$", "");
                Path exampleFile = root.resolve(producer.service()).resolve(EXAMPLES + type + ".json");
                if (!Files.isRegularFile(exampleFile)) {
                    missing.add(root.relativize(exampleFile).toString());
                    continue;
                }
                types.add(new EventType(producer, type, schemaFile, read(schemaFile), exampleFile, read(exampleFile)));
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Every event type needs an example payload beside its schema; missing: " + missing);
        }
        return types;
    }

    static List<Path> schemaFiles(Path root, Producer producer) {
        Path directory = root.resolve(producer.service()).resolve(SCHEMAS);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // --- the document ------------------------------------------------------------------------------------------

    static ObjectNode document(Path root) {
        List<EventType> types = eventTypes(root);
        ObjectNode doc = NODES.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.put("id", "urn:kyodo:event-catalogue");
        ObjectNode info = doc.putObject("info");
        info.put("title", "kyodo event catalogue");
        info.put("version", "1.0.0");
        info.put("description", DESCRIPTION);
        doc.put("defaultContentType", "application/json");
        ObjectNode servers = doc.putObject("servers");
        ObjectNode local = servers.putObject("local");
        local.put("host", "127.0.0.1:9092");
        local.put("protocol", "kafka");
        local.put("description", "The broker of the local system started by deploy/run-local.sh (plain text, no authentication).");

        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode messages = components.putObject("messages");
        schemas.set(HEADERS_SCHEMA, headersSchema());
        messages.set(DEAD_LETTER_MESSAGE, deadLetterMessage());

        for (Producer producer : PRODUCERS) {
            ObjectNode channel = channels.putObject(producer.channel());
            channel.put("address", producer.topic());
            channel.put("title", producer.topic());
            channel.put("description", producer.description() + (producer.shared()
                    ? " Published by the owning services (CloudEvents source /kyodo/<service>), with the shared schemas of "
                            + producer.service() + "."
                    : " Published by " + producer.service() + " (CloudEvents source " + producer.source() + ").")
                    + " Kept indefinitely: read from the beginning to replay the history.");
            ObjectNode channelMessages = channel.putObject("messages");
            channel.putArray("servers").addObject().put("$ref", "#/servers/local");
            channel.set("bindings", topicBindings(producer.topic()));

            ObjectNode operation = operations.putObject("read-" + producer.channel());
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + producer.channel());
            operation.put("title", "Read " + producer.topic());
            operation.put("summary", "Consume the " + producer.channel() + " events, e.g. from the beginning with a new "
                    + "consumer group.");
            ArrayNode operationMessages = operation.putArray("messages");

            for (EventType event : types.stream().filter(t -> t.producer().equals(producer)).toList()) {
                String name = event.type();
                schemas.set(name, event.schema().deepCopy());
                messages.set(name, message(event));
                channelMessages.putObject(name).put("$ref", "#/components/messages/" + name);
                operationMessages.addObject().put("$ref", "#/channels/" + producer.channel() + "/messages/" + name);
            }

            ObjectNode dlq = channels.putObject(producer.deadLetterChannel());
            dlq.put("address", producer.deadLetterTopic());
            dlq.put("title", producer.deadLetterTopic());
            dlq.put("description", "Records of " + producer.topic() + " that a consuming service could not process "
                    + "(after retries), with their original key, value and headers plus the kyodo_dlq_* headers. "
                    + "Written by the consumer through its own outbox, in the transaction that records the failure.");
            dlq.putObject("messages").putObject(DEAD_LETTER_MESSAGE).put("$ref", "#/components/messages/" + DEAD_LETTER_MESSAGE);
            dlq.putArray("servers").addObject().put("$ref", "#/servers/local");
            dlq.set("bindings", topicBindings(producer.deadLetterTopic()));
            ObjectNode dlqOperation = operations.putObject("read-" + producer.deadLetterChannel());
            dlqOperation.put("action", "receive");
            dlqOperation.putObject("channel").put("$ref", "#/channels/" + producer.deadLetterChannel());
            dlqOperation.put("title", "Read " + producer.deadLetterTopic());
            dlqOperation.putArray("messages").addObject()
                    .put("$ref", "#/channels/" + producer.deadLetterChannel() + "/messages/" + DEAD_LETTER_MESSAGE);
        }
        return doc;
    }

    private static ObjectNode topicBindings(String topic) {
        ObjectNode bindings = NODES.objectNode();
        ObjectNode kafka = bindings.putObject("kafka");
        kafka.put("topic", topic);
        kafka.putObject("topicConfiguration").put("retention.ms", -1);
        kafka.put("bindingVersion", BINDING_VERSION);
        return bindings;
    }

    private static ObjectNode message(EventType event) {
        ObjectNode message = NODES.objectNode();
        message.put("name", event.type());
        message.put("title", event.schema().path("title").asText(event.type()));
        message.put("summary", event.schema().path("description").asText(""));
        message.put("contentType", "application/json");
        ObjectNode headers = message.putObject("headers");
        ArrayNode allOf = headers.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/" + HEADERS_SCHEMA);
        ObjectNode fixed = allOf.addObject();
        fixed.put("type", "object");
        ObjectNode fixedProperties = fixed.putObject("properties");
        fixedProperties.putObject("ce_type").put("const", event.type());
        if (event.producer().shared()) {
            fixedProperties.putObject("ce_source").put("pattern", "^/kyodo/[a-z-]+$")
                    .put("description", "The owning service that published the fact");
        } else {
            fixedProperties.putObject("ce_source").put("const", event.producer().source());
        }
        message.putObject("payload").put("$ref", "#/components/schemas/" + event.type());
        ObjectNode correlation = message.putObject("correlationId");
        correlation.put("description", "The HTTP request that caused the change; also in the service's logs");
        correlation.put("location", "$message.header#/ce_requestid");
        ObjectNode key = message.putObject("bindings").putObject("kafka");
        ObjectNode keySchema = key.putObject("key");
        keySchema.put("type", "string");
        keySchema.put("format", "uuid");
        keySchema.put("description", "The aggregate id, equal to the payload's " + event.keyField()
                + " and to ce_subject: all events of one aggregate share a partition and keep their order");
        key.put("bindingVersion", BINDING_VERSION);
        message.put("x-kyodo-key-field", event.keyField());
        message.put("x-kyodo-schema-file", event.producer().service() + "/" + SCHEMAS + event.type() + ".json");
        ObjectNode example = message.putArray("examples").addObject();
        example.put("name", event.type().replace('.', '-'));
        example.put("summary", "Example of " + event.type() + " (key " + event.example().path(event.keyField()).asText() + ")");
        example.set("headers", exampleHeaders(event));
        example.set("payload", event.example().deepCopy());
        return message;
    }

    /** The Kafka headers the outbox relay writes for this example (binary mode CloudEvents). */
    static ObjectNode exampleHeaders(EventType event) {
        ObjectNode headers = NODES.objectNode();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.nameUUIDFromBytes(("event:" + event.type()).getBytes(StandardCharsets.UTF_8)).toString());
        headers.put("ce_source", event.producer().source());
        headers.put("ce_type", event.type());
        headers.put("ce_subject", event.example().path(event.keyField()).asText());
        headers.put("ce_time", exampleTime(event));
        headers.put("ce_aggregateversion", event.example().path("version").asText());
        headers.put("ce_requestid",
                UUID.nameUUIDFromBytes(("request:" + event.type()).getBytes(StandardCharsets.UTF_8)).toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    /** The example's first top-level date-time (e.g. submittedAt), as the event's time. */
    private static String exampleTime(EventType event) {
        for (Iterator<Map.Entry<String, JsonNode>> it = event.schema().path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            if ("date-time".equals(property.getValue().path("format").asText())
                    && event.example().path(property.getKey()).isTextual()) {
                return event.example().path(property.getKey()).asText();
            }
        }
        return DEFAULT_EXAMPLE_TIME;
    }

    private static ObjectNode headersSchema() {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        schema.put("description", "CloudEvents 1.0 attributes as Kafka headers (binary content mode); values are "
                + "UTF-8 strings. Extensions: aggregateversion and requestid (kyodo), traceparent (distributed tracing).");
        ArrayNode required = schema.putArray("required");
        for (String name : List.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_subject", "ce_time",
                "ce_aggregateversion", "content-type")) {
            required.add(name);
        }
        ObjectNode properties = schema.putObject("properties");
        property(properties, "ce_specversion", "CloudEvents version").put("const", "1.0");
        property(properties, "ce_id", "Unique id of the event (the outbox row id). A record can be delivered twice "
                + "after a failure: deduplicate by it.").put("format", "uuid");
        property(properties, "ce_source", "The producing service, /kyodo/<service>");
        property(properties, "ce_type", "The event type, jp.kyodo.<name>.v<N>; selects the payload schema");
        property(properties, "ce_subject", "The aggregate id, equal to the record key").put("format", "uuid");
        property(properties, "ce_time", "When the change was committed (RFC 3339, UTC)").put("format", "date-time");
        property(properties, "ce_aggregateversion", "The aggregate's version after the change, equal to the "
                + "payload's version; within one aggregate it only grows, so apply only newer versions")
                .put("pattern", "^[0-9]+$");
        property(properties, "ce_requestid", "Id of the HTTP request that caused the change (X-Request-Id); "
                + "absent for changes no request caused");
        property(properties, "ce_traceparent", "W3C trace context of the causing request, when tracing is on");
        property(properties, "content-type", "The payload's media type (CloudEvents datacontenttype)")
                .put("const", "application/json");
        return schema;
    }

    private static ObjectNode deadLetterMessage() {
        ObjectNode message = NODES.objectNode();
        message.put("name", DEAD_LETTER_MESSAGE);
        message.put("title", "Dead letter");
        message.put("summary", "An event a consumer could not process: the original record, unchanged, plus why and "
                + "where it failed.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        headers.put("description", "The original record's headers (usually the CloudEvents headers, ce_*), plus:");
        ArrayNode required = headers.putArray("required");
        ObjectNode properties = headers.putObject("properties");
        for (String[] header : new String[][] {
                { "kyodo_dlq_error", "Why the consumer gave up" },
                { "kyodo_dlq_topic", "Topic of the original record" },
                { "kyodo_dlq_partition", "Partition of the original record" },
                { "kyodo_dlq_offset", "Offset of the original record" },
                { "kyodo_dlq_consumer", "The consumer that gave up (service and handler)" },
                { "kyodo_dlq_time", "When it gave up (RFC 3339, UTC)" } }) {
            required.add(header[0]);
            property(properties, header[0], header[1]);
        }
        message.putObject("payload").put("description", "The original value bytes, unchanged: usually the JSON "
                + "payload of one of the topic's event types, possibly malformed.");
        message.putObject("bindings").putObject("kafka").put("bindingVersion", BINDING_VERSION).putObject("key")
                .put("type", "string").put("description", "The original record's key");
        return message;
    }

    private static ObjectNode property(ObjectNode properties, String name, String description) {
        ObjectNode property = properties.putObject(name);
        property.put("type", "string");
        property.put("description", description);
        return property;
    }

    static final String DESCRIPTION = """
            Every domain event the kyodo services publish, for analysts and integrators who read the Kafka topics.

            **Every state change.** Each change of an organisation, theme, proposal, agreement, evaluation plan or \
            round is published, in the transaction that makes it, with the aggregate's version after it; only a \
            proposal's draft (its proposers' own until submitted) and the talent bank (personal data) are not. The \
            audit trail records the version each change produced, and the tests hold every audited change to its \
            event: a component test cannot commit a change without it, and the system tests compare every service's \
            audit trail with the topics.

            **Complete by construction.** A service publishes through its transactional outbox, which refuses a \
            payload of a type that has no JSON Schema file in that service \
            (`<service>/src/main/resources/events/schemas/<type>.json`) or that breaks it, and a retired type (its \
            schema says `deprecated: true`; it stays here so that older records can be read). The schema files are \
            therefore the list of every type the code can emit, and this document is generated from them, with one \
            example payload per type (`<service>/src/main/resources/events/examples/<type>.json`). A build test \
            fails when a schema file has no entry or no valid example here, or when this file differs from a fresh \
            generation.

            **Records.** One topic per aggregate family, kept indefinitely: reading a topic from the beginning \
            replays the city's collaboration history. The record key is the aggregate id (organisation, theme, \
            proposal, agreement, evaluation plan or round), so the events of one aggregate are read in the order \
            they happened. The value is the JSON payload; the headers are the CloudEvents attributes in binary mode \
            (`ce_id`, `ce_type`, `ce_source`, `ce_subject`, `ce_time`, `ce_aggregateversion`, `ce_requestid`) and \
            `content-type`. Deduplicate by `ce_id` (a record may be delivered twice after a failure) and apply, per \
            aggregate, only a higher `ce_aggregateversion` than the one you hold.

            **Identifiers.** Events name organisations and records, never people: a person acts for an \
            organisation, and an event says which organisation acted and in which capacity (side, role), not who. A \
            person's login subject (Keycloak `sub`) is personal data and appears only where a consumer must act on \
            that person: the member lists of `kyodo.directory.v1` (`members[].subject`, `memberChange.subject`), from \
            which the services decide who may act for an organisation, and tasks addressed to a person. No pseudonym \
            stands in for it elsewhere. Analysts may use every other field freely; the member lists they treat as \
            personal data (not exported, not joined with other sources, not used to single anybody out). Names and \
            contact data of people, comment and finding texts before publication, sealed scores and eligibility \
            evidence never appear. The retired `agreement.signed.v1` carried the signer's subject; records of it \
            written before v2 replaced it still do.

            **Payloads.** Each carries what consumers need. Schemas are JSON Schema 2020-12 files, embedded here unchanged; \
            they use only keywords that mean the same in the AsyncAPI Schema Object. Schemas evolve only \
            compatibly within a version (a new optional property at most), a breaking change is a new `.vN` \
            type: producers send only declared properties, and consumers should ignore properties they do not know.

            **Dead letters.** `<topic>.dlq` holds records a consuming service could not process, unchanged, with \
            `kyodo_dlq_*` headers saying why and where.

            Served by the gateway at `/asyncapi.yaml`.""";
}
