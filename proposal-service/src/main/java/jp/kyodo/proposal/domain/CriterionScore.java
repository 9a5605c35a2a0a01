package jp.kyodo.proposal.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reviewer's score of one criterion, 1 (poor) to 5 (excellent), with the reviewer's comment. */
@Schema(name = "SubmittedCriterionScore", description = "A reviewer's submitted score of one criterion")
public record CriterionScore(@Schema(description = "The criterion (審査基準)") ScreeningCriterion criterion,
        @Schema(description = "1 (poor) to 5 (excellent)") int score,
        @Schema(description = "The reviewer's comment", nullable = true) String comment) {
}
