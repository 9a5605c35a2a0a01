package jp.kyodo.gateway.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Components nothing refers to are left out: each service's document declares the shared ones (headers, parameters)
 * whether or not it uses them, and SmallRye keeps schemas of types no operation shows any more. A client generator
 * would turn each into a model nobody can meet.
 */
final class UnusedComponents {

    private static final String PREFIX = "#/components/";

    private UnusedComponents() {
    }

    static void remove(ObjectNode document) {
        if (!(document.get("components") instanceof ObjectNode components)) {
            return;
        }
        Set<String> used = new HashSet<>();
        Deque<JsonNode> work = new ArrayDeque<>();
        document.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("components")) {
                work.push(e.getValue());
            }
        });
        // Security schemes are used by name, not by reference.
        components.path("securitySchemes").fieldNames().forEachRemaining(name -> used.add("securitySchemes/" + name));
        while (!work.isEmpty()) {
            JsonNode node = work.pop();
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(PREFIX)) {
                String[] parts = ref.asText().substring(PREFIX.length()).split("/");
                if (parts.length >= 2 && used.add(parts[0] + "/" + parts[1])) {
                    work.push(components.path(parts[0]).path(parts[1]));
                }
            }
            node.forEach(work::push);
        }
        for (Iterator<String> sections = components.fieldNames(); sections.hasNext();) {
            String section = sections.next();
            if (components.get(section) instanceof ObjectNode entries) {
                entries.properties().removeIf(e -> !used.contains(section + "/" + e.getKey()));
                if (entries.isEmpty()) {
                    sections.remove();
                }
            }
        }
    }
}
