package jp.kyodo.agreement.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What changed between two versions of an agreement, field by field. Items of lists that carry an id (tasks,
 * cost lines, parties, …) are matched by that id rather than by position, so inserting a task does not show every
 * later task as changed.
 */
public final class VersionDiff {

    /** One changed value; {@code from} is null for an addition and {@code to} for a removal. */
    public record Change(String path, JsonNode from, JsonNode to) {
    }

    private static final List<String> ID_FIELDS = List.of("taskId", "lineId", "contributionId", "liabilityId",
            "deliverableId", "milestoneId", "indicatorId", "goalId", "clauseId", "organizationId");

    private VersionDiff() {
    }

    public static List<Change> between(JsonNode from, JsonNode to) {
        Map<String, JsonNode> before = flatten(from);
        Map<String, JsonNode> after = flatten(to);
        List<Change> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            JsonNode a = before.get(path);
            JsonNode b = after.get(path);
            if (a == null || b == null || !a.equals(b)) {
                changes.add(new Change(path, a, b));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + keyOf(node.get(i), i) + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    private static String keyOf(JsonNode element, int index) {
        if (element.isObject()) {
            // A cost line names its party too: the item's own id comes first, the party id only identifies parties.
            for (String idField : ID_FIELDS) {
                if (element.hasNonNull(idField)) {
                    return idField + "=" + element.get(idField).asText();
                }
            }
        }
        return Integer.toString(index);
    }
}
