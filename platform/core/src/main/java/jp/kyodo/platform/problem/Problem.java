package jp.kyodo.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The RFC 9457 body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({ "type", "title", "status", "detail", "instance", "requestId", "errors" })
@Schema(name = "Problem", description = "Error response (RFC 9457 problem details). Some kinds add members of their own"
        + " (RFC 9457 extension members).")
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(description = "Stable identifier of the kind of problem, e.g. urn:kyodo:problem:validation-failed")
    public final String type;
    @Schema(description = "Short summary of the kind of problem, in the requested language")
    public final String title;
    @Schema(description = "HTTP status code")
    public final int status;
    @Schema(description = "What went wrong with this request, in the requested language", nullable = true)
    public final String detail;
    @Schema(description = "The request path", nullable = true)
    public final String instance;
    @Schema(description = "Id of the request (X-Request-Id), for support")
    public final String requestId;
    @Schema(description = "The invalid fields, for validation problems", nullable = true)
    public final List<Field> errors;
    // Written as further top-level members (RFC 9457 extension members), not as one "extensions" object.
    @Schema(hidden = true)
    private final Map<String, Object> extensions;

    /** One invalid field. */
    @Schema(name = "ProblemField")
    public record Field(@Schema(description = "JSON path of the field") String field,
            @Schema(description = "What is wrong with it") String message) {
    }

    Problem(String type, String title, int status, String detail, String instance, String requestId, List<Field> errors,
            Map<String, Object> extensions) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.requestId = requestId;
        this.errors = errors;
        this.extensions = extensions;
    }

    public static Problem of(ProblemException e, Locale locale, String instance, String requestId) {
        List<Field> fields = e.fieldErrors().stream().map(f -> new Field(f.field(), f.message().in(locale))).toList();
        return new Problem(e.type().uri(), e.type().title().in(locale), e.type().status(), e.detail().in(locale),
                instance, requestId, fields, new LinkedHashMap<>(e.extensions()));
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }
}
