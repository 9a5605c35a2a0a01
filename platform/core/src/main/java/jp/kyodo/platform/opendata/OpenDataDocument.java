package jp.kyodo.platform.opendata;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON form of a published data set: what it is, under which licence, and its records. */
@Schema(description = "A published data set (公開データ) with its licence (CC BY 4.0)")
@JsonPropertyOrder({ "dataset", "title", "publisher", "licence", "fiscalYear", "generatedAt", "columns", "count", "records" })
public record OpenDataDocument<R>(
        @Schema(description = "Stable name of the data set, as in its URL") String dataset,
        @Schema(description = "Title (名称)") String title,
        @Schema(description = "Who publishes it (公開者): the city") String publisher,
        @Schema(description = "Licence (利用規約)") Licence licence,
        @Schema(description = "The fiscal year (年度) the records were filtered by; absent when all years are exported", nullable = true) Integer fiscalYear,
        @Schema(description = "When this export was made (UTC)") Instant generatedAt,
        @Schema(description = "The column names, in order: the properties of every record and the CSV header") List<String> columns,
        @Schema(description = "Number of records") int count,
        @Schema(description = "The records, one object per CSV row") List<R> records) {

    @Schema(name = "OpenDataLicence", description = "The licence of a published data set")
    public record Licence(
            @Schema(description = "SPDX identifier", example = "CC-BY-4.0") String id,
            @Schema(description = "Name of the licence") String name,
            @Schema(description = "The licence text") String url,
            @Schema(description = "The credit to give when reusing the data (出典の表示)") String attribution) {
    }
}
