package jp.kyodo.proposal.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What changed between two versions of a proposal, field by field (top-level fields of the content, with their
 * values before and after), so the department sees at a glance what a brush-up revision changed.
 */
public record ContentDiff(int from, int to, List<Change> changes) {

    public record Change(String field, JsonNode before, JsonNode after) {
    }

    public static ContentDiff between(int from, ProposalContent before, int to, ProposalContent after,
            ObjectMapper mapper) {
        JsonNode a = mapper.valueToTree(before);
        JsonNode b = mapper.valueToTree(after);
        List<Change> changes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = b.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode old = a.get(field.getKey());
            if (old == null || !old.equals(field.getValue())) {
                changes.add(new Change(field.getKey(), old, field.getValue()));
            }
        }
        return new ContentDiff(from, to, changes);
    }

    public List<String> changedFields() {
        return changes.stream().map(Change::field).toList();
    }
}
