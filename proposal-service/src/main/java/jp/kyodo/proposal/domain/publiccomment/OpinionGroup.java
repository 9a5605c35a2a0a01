package jp.kyodo.proposal.domain.publiccomment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One group of the published result: the opinions summarised (意見の概要), not quoted, the comments it covers by
 * receipt number, the city's view (市の考え方) and what changed in the draft.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OpinionGroup(
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Position of the group in the result, from 1") int number,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "What the opinions are about", nullable = true) String topic,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The opinions summarised (意見の概要), not quoted") String opinionSummary,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "Receipt numbers of the comments the group covers") List<Integer> receiptNumbers,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The city's view (市の考え方)") String cityView,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "How the city answers the opinions") ResponseKind response,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "What changed in the draft, when something did", nullable = true) String change) {
}
