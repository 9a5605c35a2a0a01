package jp.kyodo.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schemas of event payloads, one per CloudEvents type, kept by the producing service at
 * {@code events/schemas/<type>.json} on its classpath.
 */
@ApplicationScoped
public class EventSchemas {

    public static final String LOCATION = "events/schemas/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final Map<String, JsonSchema> cache = new ConcurrentHashMap<>();

    /** Problems of the payload against its type's schema; empty when valid. */
    public List<String> validate(String type, JsonNode payload) {
        return schemaOf(type).validate(payload).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /**
     * Refuses to publish a payload that breaks its own contract, or of a retired type (its schema says
     * {@code "deprecated": true}; it stays in the catalogue for the records already on the topic): that is a bug in
     * the producer.
     */
    public void requireValid(String type, JsonNode payload) {
        if (isRetired(type)) {
            throw new IllegalStateException(type + " is retired: publish the type that replaced it");
        }
        List<String> problems = validate(type, payload);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("payload of " + type + " violates its schema: " + problems);
        }
    }

    public boolean isRetired(String type) {
        return schemaOf(type).getSchemaNode().path("deprecated").asBoolean(false);
    }

    public boolean hasSchema(String type) {
        return Thread.currentThread().getContextClassLoader().getResource(LOCATION + type + ".json") != null;
    }

    private JsonSchema schemaOf(String type) {
        return cache.computeIfAbsent(type, t -> {
            try (InputStream in = resource(t)) {
                if (in == null) {
                    throw new IllegalStateException("no JSON Schema for event type " + t + " at " + LOCATION + t + ".json");
                }
                return FACTORY.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static InputStream resource(String type) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream(LOCATION + type + ".json");
    }
}
