package jp.kyodo.proposal.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/**
 * How much each screening criterion counts. By default all six count equally; a theme may weigh them otherwise
 * (e.g. feasibility twice). Every criterion keeps a weight of at least 1 so that none silently drops out.
 */
public final class CriteriaWeights {

    public static final int MAX_WEIGHT = 10;

    private CriteriaWeights() {
    }

    public static Map<ScreeningCriterion, Integer> defaults() {
        Map<ScreeningCriterion, Integer> weights = new EnumMap<>(ScreeningCriterion.class);
        for (ScreeningCriterion criterion : ScreeningCriterion.values()) {
            weights.put(criterion, 1);
        }
        return weights;
    }

    /** The defaults overridden by the given weights; 400 naming {@code field} for a weight outside 1–10. */
    public static Map<ScreeningCriterion, Integer> of(Map<ScreeningCriterion, Integer> given, String field) {
        Map<ScreeningCriterion, Integer> weights = defaults();
        if (given == null) {
            return weights;
        }
        List<FieldError> errors = new ArrayList<>();
        given.forEach((criterion, weight) -> {
            if (criterion == null || weight == null || weight < 1 || weight > MAX_WEIGHT) {
                errors.add(FieldError.of(field + "." + criterion, "A weight must be between 1 and " + MAX_WEIGHT + ".",
                        "重みは 1 から " + MAX_WEIGHT + " の間で指定してください。"));
            } else {
                weights.put(criterion, weight);
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return weights;
    }
}
