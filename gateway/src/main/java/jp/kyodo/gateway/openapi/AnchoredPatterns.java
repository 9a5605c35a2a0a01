package jp.kyodo.gateway.openapi;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Patterns as the services apply them: Bean Validation's {@code @Pattern} and JAX-RS path templates match the whole
 * value, while a JSON Schema {@code pattern} matches anywhere in it unless anchored. Every pattern is written
 * {@code ^…$}, so that a client's validation refuses what the service refuses.
 */
final class AnchoredPatterns {

    private static final String NOT_BLANK = "\\S";

    private AnchoredPatterns() {
    }

    static void apply(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode pattern = object.get("pattern");
            if (pattern != null && pattern.isTextual()) {
                object.put("pattern", anchored(pattern.asText()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext();) {
                apply(it.next().getValue());
            }
        } else if (node.isArray()) {
            node.forEach(AnchoredPatterns::apply);
        }
    }

    static String anchored(String pattern) {
        if (NOT_BLANK.equals(pattern)) {
            // SmallRye's rendering of @NotBlank: "has a character that is not white space", anywhere in the value.
            return "^[\\s\\S]*\\S[\\s\\S]*$";
        }
        String body = pattern;
        if (body.startsWith("^")) {
            body = body.substring(1);
        }
        if (body.endsWith("$") && !body.endsWith("\\$")) {
            body = body.substring(0, body.length() - 1);
        }
        return body.contains("|") ? "^(?:" + body + ")$" : "^" + body + "$";
    }
}
