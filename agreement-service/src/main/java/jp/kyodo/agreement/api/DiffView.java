package jp.kyodo.agreement.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "AgreementVersionDiff", description = "What changed between two versions (新旧対照)")
public record DiffView(
        @Schema(description = "Older version") int from,
        @Schema(description = "Newer version") int to,
        @Schema(description = "Changed values; items of lists are matched by their ids") List<Change> changes) {

    @Schema(name = "AgreementChange", description = "One changed value: from is absent for an addition, to for a removal")
    public record Change(@Schema(description = "JSON path of the value, e.g. /costs/lines/3/amountYen") String path,
            @Schema(description = "The older value (any JSON value)", nullable = true) JsonNode from,
            @Schema(description = "The newer value (any JSON value)", nullable = true) JsonNode to) {
    }
}
