package jp.kyodo.proposal.domain.publiccomment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group of the published result: the opinions summarised (意見の概要), not quoted, the comments it covers by
 * receipt number, the city's view (市の考え方) and what changed in the draft.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpinionGroup(int number, String topic, String opinionSummary, List<Integer> receiptNumbers,
        String cityView, ResponseKind response, String change) {
}
