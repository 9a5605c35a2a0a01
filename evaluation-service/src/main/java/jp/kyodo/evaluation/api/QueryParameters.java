package jp.kyodo.evaluation.api;

import java.util.Arrays;
import java.util.stream.Collectors;

import jp.kyodo.platform.problem.ProblemException;

/** Reads query parameters so that a wrong value is a 400 naming the parameter (JAX-RS would answer 404). */
final class QueryParameters {

    private QueryParameters() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.invalidField(name, "One of " + allowed + ".", "次のいずれかを指定してください: " + allowed);
        }
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "A whole number.", "整数で指定してください。");
        }
    }

    static java.util.UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "A UUID.", "UUID で指定してください。");
        }
    }
}
