package jp.kyodo.proposal.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed between two versions of a proposal, field by field (top-level fields of the content, with their
 * values before and after), so the department sees at a glance what a brush-up revision changed.
 */
@Schema(name = "ProposalVersionDiff", description = "What changed between two versions of a proposal (新旧対照), field by field")
public record ContentDiff(@Schema(description = "Older version") int from,
        @Schema(description = "Newer version") int to,
        @Schema(description = "The top-level fields that changed") List<Change> changes) {

    @Schema(name = "ProposalFieldChange", description = "One changed field of the content")
    public record Change(@Schema(description = "Name of the field, e.g. budgetLines") String field,
            @Schema(description = "Its value before (any JSON value); absent when it was not set", nullable = true) JsonNode before,
            @Schema(description = "Its value after (any JSON value)", nullable = true) JsonNode after) {
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
