package jp.kyodo.gateway.openapi;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Points references at renamed component schemas: every {@code $ref} to
 * {@code #/components/schemas/Old} (or below it) and every discriminator mapping naming {@code Old}.
 */
final class SchemaRefs {

    static final String PREFIX = "#/components/schemas/";

    private SchemaRefs() {
    }

    /** Rewrites {@code node} in place. */
    static void rewrite(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual()) {
                object.set("$ref", TextNode.valueOf(rewriteRef(ref.asText(), renames)));
            }
            rewriteDiscriminatorMapping(object.get("discriminator"), renames);
        }
        for (JsonNode child : node) {
            rewrite(child, renames);
        }
    }

    static String rewriteRef(String ref, Map<String, String> renames) {
        if (!ref.startsWith(PREFIX)) {
            return ref;
        }
        String rest = ref.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String renamed = renames.get(name);
        return renamed == null ? ref : PREFIX + renamed + (slash < 0 ? "" : rest.substring(slash));
    }

    /** Mapping values may be references or bare schema names; both follow a rename. */
    private static void rewriteDiscriminatorMapping(JsonNode discriminator, Map<String, String> renames) {
        if (discriminator == null || !(discriminator.get("mapping") instanceof ObjectNode mapping)) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = mapping.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            String value = entry.getValue().asText();
            String rewritten = value.startsWith("#") ? rewriteRef(value, renames) : renames.getOrDefault(value, value);
            entry.setValue(TextNode.valueOf(rewritten));
        }
    }
}
