package jp.kyodo.proposal.domain.committee;

import java.util.List;
import java.util.UUID;

/** One item of a meeting's agenda (議題), with the proposals it deliberates on, if any. */
public record AgendaItem(String title, List<UUID> proposalIds) {

    public AgendaItem {
        proposalIds = proposalIds == null ? List.of() : List.copyOf(proposalIds);
    }
}
