package jp.kyodo.gateway.openapi;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A cursor page of {@code Proposal} is a {@code ProposalPage}. SmallRye names the schema of {@code Page<ProposalView>}
 * after the Java classes ({@code PageProposalView}); a client generated from it would show that name, which is
 * neither the item's model name nor English. A page is recognised by its shape: {@code items}, an array of one
 * component schema, and {@code nextCursor}.
 */
final class PageNames {

    private PageNames() {
    }

    /** Renames the page schemas of one service's document in place, with every reference to them. */
    static void apply(ObjectNode document) {
        if (!(document.path("components").path("schemas") instanceof ObjectNode schemas)) {
            return;
        }
        Map<String, String> renames = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode properties = entry.getValue().path("properties");
            String itemRef = properties.path("items").path("items").path("$ref").asText("");
            if (entry.getKey().startsWith("Page") && properties.has("nextCursor")
                    && itemRef.startsWith(SchemaRefs.PREFIX)) {
                String item = itemRef.substring(SchemaRefs.PREFIX.length());
                String name = item + "Page";
                if (!name.equals(entry.getKey()) && schemas.has(name)) {
                    throw new OpenApiMergeException("The page of " + item + " would be named " + name
                            + ", which another schema has");
                }
                renames.put(entry.getKey(), name);
            }
        }
        if (renames.isEmpty()) {
            return;
        }
        SchemaRefs.rewrite(document, renames);
        ObjectNode renamed = JsonNodeFactory.instance.objectNode();
        schemas.fields().forEachRemaining(e -> renamed.set(renames.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        ((ObjectNode) document.get("components")).set("schemas", renamed);
    }
}
