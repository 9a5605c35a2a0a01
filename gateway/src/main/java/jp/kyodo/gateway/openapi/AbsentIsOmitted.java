package jp.kyodo.gateway.openapi;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rule for every answer of the API: a value that can be absent is left out, never {@code null} (the services'
 * HTTP JSON, platform {@code ResponseJson}), so every property an answer always carries is {@code required}.
 * <p>
 * A service says that a property can be absent the way Java knows it, {@code @Schema(nullable = true)}; SmallRye
 * writes that as a {@code "null"} type. In every schema an answer uses, this turns the marker into what the answer
 * really does: the property is optional and never null; every other property is required. A schema that requests use
 * too gets the rule as well: what a request may leave out is marked as possibly absent in Java; such schemas are
 * named by {@link #sharedWithRequests}. Schemas written by hand (the gateway's own) list their required
 * properties themselves.
 */
final class AbsentIsOmitted {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AbsentIsOmitted() {
    }

    /** Applies the rule in place to {@code document}, except to the schemas named, which were written by hand. */
    static void apply(ObjectNode document, Set<String> asWritten) {
        Set<String> answers = schemasUsedBy(document, true);
        answers.removeAll(asWritten);
        JsonNode schemas = document.path("components").path("schemas");
        for (String name : answers) {
            if (schemas.get(name) instanceof ObjectNode schema) {
                requireWhatIsAlwaysThere(schema);
            }
        }
        for (JsonNode inline : responseSchemas(document)) {
            if (inline instanceof ObjectNode schema && !schema.has("$ref")) {
                requireWhatIsAlwaysThere(schema);
            }
        }
    }

    /** Component schemas answers use (directly or through other schemas). */
    static Set<String> answerSchemas(JsonNode document) {
        return schemasUsedBy(document, true);
    }

    /** Component schemas both an answer and a request use (directly or through other schemas). */
    static Set<String> sharedWithRequests(JsonNode document) {
        Set<String> shared = new TreeSet<>(schemasUsedBy(document, true));
        shared.retainAll(schemasUsedBy(document, false));
        return shared;
    }

    /** Every object schema within {@code schema} (itself, properties, items, compositions) gets the rule. */
    private static void requireWhatIsAlwaysThere(ObjectNode schema) {
        if (schema.get("properties") instanceof ObjectNode properties) {
            // Sorted: the same document whatever order a service listed its properties in.
            Set<String> required = new TreeSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> property = it.next();
                if (property.getValue() instanceof ObjectNode value && dropNull(value, properties, property.getKey())) {
                    required.remove(property.getKey());
                } else {
                    required.add(property.getKey());
                }
            }
            ArrayNode list = NODES.arrayNode();
            required.forEach(list::add);
            // "required" reads best right after "type", before the properties it names.
            ObjectNode reordered = NODES.objectNode();
            schema.fields().forEachRemaining(e -> {
                if (e.getKey().equals("properties")) {
                    reordered.set("required", list);
                }
                if (!e.getKey().equals("required")) {
                    reordered.set(e.getKey(), e.getValue());
                }
            });
            schema.removeAll();
            schema.setAll(reordered);
        }
        for (JsonNode child : schema) {
            walkChildren(child);
        }
    }

    private static void walkChildren(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties")) {
                requireWhatIsAlwaysThere(object);
            } else {
                for (JsonNode child : object) {
                    walkChildren(child);
                }
            }
        } else if (node.isArray()) {
            node.forEach(AbsentIsOmitted::walkChildren);
        }
    }

    /**
     * Removes the {@code null} alternative from a property's schema ({@code type: [T, "null"]}, or an
     * {@code anyOf}/{@code oneOf} with {@code {type: "null"}}); whether there was one.
     */
    private static boolean dropNull(ObjectNode property, ObjectNode properties, String name) {
        boolean nullable = false;
        JsonNode type = property.get("type");
        if (type != null && type.isArray()) {
            List<String> types = new ArrayList<>();
            type.forEach(t -> types.add(t.asText()));
            if (types.remove("null")) {
                nullable = true;
                if (types.size() == 1) {
                    property.put("type", types.get(0));
                } else {
                    ArrayNode rest = property.putArray("type");
                    types.forEach(rest::add);
                }
            }
        }
        // SmallRye writes a nullable reference both ways: type [T, "null"] and anyOf [{$ref}, {type: "null"}].
        for (String composition : List.of("anyOf", "oneOf")) {
            if (property.get(composition) instanceof ArrayNode alternatives) {
                for (int i = alternatives.size() - 1; i >= 0; i--) {
                    if ("null".equals(alternatives.get(i).path("type").asText())) {
                        alternatives.remove(i);
                        nullable = true;
                    }
                }
                if (nullable && alternatives.size() == 1) {
                    ObjectNode single = (ObjectNode) alternatives.get(0).deepCopy();
                    property.remove(composition);
                    property.fields().forEachRemaining(e -> single.putIfAbsent(e.getKey(), e.getValue()));
                    properties.set(name, single);
                }
            }
        }
        return nullable;
    }

    /** The component schemas answers ({@code true}) or requests ({@code false}) use, transitively. */
    private static Set<String> schemasUsedBy(JsonNode document, boolean answers) {
        List<JsonNode> roots = answers ? responseSchemas(document) : requestSchemas(document);
        Set<String> seen = new TreeSet<>();
        Deque<JsonNode> work = new ArrayDeque<>(roots);
        JsonNode components = document.path("components").path("schemas");
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            if (node.isObject() && node.path("$ref").isTextual()) {
                String ref = node.get("$ref").asText();
                if (ref.startsWith(SchemaRefs.PREFIX)) {
                    String name = ref.substring(SchemaRefs.PREFIX.length()).split("/")[0];
                    if (seen.add(name) && components.has(name)) {
                        work.push(components.get(name));
                    }
                }
            }
            node.forEach(work::push);
        }
        return seen;
    }

    private static List<JsonNode> responseSchemas(JsonNode document) {
        List<JsonNode> roots = new ArrayList<>();
        List<JsonNode> responses = new ArrayList<>();
        document.path("components").path("responses").forEach(responses::add);
        forEachOperation(document, operation -> operation.path("responses").forEach(responses::add));
        for (JsonNode response : responses) {
            response.path("content").forEach(media -> {
                if (media.has("schema")) {
                    roots.add(media.get("schema"));
                }
            });
        }
        return roots;
    }

    private static List<JsonNode> requestSchemas(JsonNode document) {
        List<JsonNode> roots = new ArrayList<>();
        forEachOperation(document, operation -> {
            operation.path("requestBody").path("content").forEach(media -> roots.add(media.path("schema")));
            operation.path("parameters").forEach(parameter -> roots.add(parameter.path("schema")));
        });
        return roots;
    }

    private static void forEachOperation(JsonNode document, java.util.function.Consumer<JsonNode> action) {
        document.path("paths").forEach(item -> item.fields().forEachRemaining(e -> {
            if (OpenApiMerger.METHODS.contains(e.getKey())) {
                action.accept(e.getValue());
            }
        }));
    }
}
