package jp.kyodo.directory.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.TalentAccess;

@Schema(name = "TalentAccess", description = "One read of a talent-bank entry (閲覧記録): who, when, which entry")
public record TalentAccessView(
        @Schema(description = "Id of the log row") UUID id,
        @Schema(description = "Entry read (it may since have been deleted)") UUID entryId,
        @Schema(description = "Subject of the reader") String reader,
        @Schema(description = "READ (opened) or SEARCH (shown in search results)") TalentAccess.Kind access,
        @Schema(description = "When") OffsetDateTime readAt) {

    public static TalentAccessView of(TalentAccess a) {
        return new TalentAccessView(a.id, a.entryId, a.reader, a.access, a.readAt);
    }
}
