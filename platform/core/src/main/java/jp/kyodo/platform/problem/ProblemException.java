package jp.kyodo.platform.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request that cannot be honoured, with the reason for the caller. Domain rules throw it (or a subclass);
 * it leaves the service as {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final LocalizedText detail;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extensions;

    public ProblemException(ProblemType type, LocalizedText detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, LocalizedText detail, List<FieldError> fieldErrors,
            Map<String, Object> extensions) {
        super(type.slug() + ": " + detail.en());
        this.type = type;
        this.detail = detail;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException invalidField(String field, String en, String ja) {
        return invalidFields(List.of(FieldError.of(field, en, ja)));
    }

    public static ProblemException invalidFields(Collection<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION_FAILED,
                LocalizedText.of("See the listed fields.", "一覧の項目を確認してください。"), List.copyOf(errors), Map.of());
    }

    public static ProblemException notFound(String en, String ja) {
        return new ProblemException(ProblemType.NOT_FOUND, LocalizedText.of(en, ja));
    }

    public static ProblemException forbidden(String en, String ja) {
        return new ProblemException(ProblemType.FORBIDDEN, LocalizedText.of(en, ja));
    }

    public static ProblemException conflict(String en, String ja) {
        return new ProblemException(ProblemType.CONFLICT, LocalizedText.of(en, ja));
    }

    /** A state change that the state machine does not allow now, naming the ones it does allow. */
    public static ProblemException invalidTransition(String from, String to, Collection<String> allowed) {
        return new ProblemException(ProblemType.INVALID_TRANSITION,
                LocalizedText.of("Cannot go from " + from + " to " + to + ".", from + " から " + to + " へは変更できません。"),
                List.of(), Map.of("currentState", from, "allowedTransitions", List.copyOf(allowed)));
    }

    public ProblemType type() {
        return type;
    }

    public LocalizedText detail() {
        return detail;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
