package jp.kyodo.proposal.domain;

/** One reviewer's score of one criterion, 1 (poor) to 5 (excellent), with the reviewer's comment. */
public record CriterionScore(ScreeningCriterion criterion, int score, String comment) {
}
