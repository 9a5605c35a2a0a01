package jp.kyodo.evaluation.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** One line of a submitted assessment as received, with the request path used to name it in errors. */
public record ScoredLine(String path, EvaluationItem item, UUID indicatorId, UUID goalId, Integer score, String reason,
        BigDecimal actualValue) {
}
