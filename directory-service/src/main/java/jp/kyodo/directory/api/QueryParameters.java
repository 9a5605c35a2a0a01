package jp.kyodo.directory.api;

import java.util.Arrays;

import jp.kyodo.platform.problem.ProblemException;

/**
 * Reads enum query parameters so that an unknown value is a 400 naming the parameter (JAX-RS would answer 404 for
 * a query parameter it cannot convert).
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
            throw ProblemException.invalidField(parameter, "Unknown value; one of " + allowed + ".",
                    "不明な値です。次のいずれかを指定してください: " + allowed);
        }
    }
}
