package jp.kyodo.proposal.domain.committee;

import java.util.List;
import java.util.UUID;

/** One item of a meeting's agenda (議題), with the proposals it deliberates on, if any. */
public record AgendaItem(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Title of the item (議題)") String title,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The proposals the item deliberates on; empty for none") List<UUID> proposalIds) {

    public AgendaItem {
        proposalIds = proposalIds == null ? List.of() : List.copyOf(proposalIds);
    }
}
