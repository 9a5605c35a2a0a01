package jp.kyodo.platform.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jp.kyodo.platform.db.DatabaseOutage;
import jp.kyodo.platform.web.ETags;
import jp.kyodo.platform.web.RequestIds;

/**
 * Turns every failure into {@code application/problem+json}: bad input into a 400 naming the fields, races into
 * 412/409, outages into 503, and anything unexpected into a 500 without internals (the log has them).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** What a client should wait before retrying after a 503: about the time a database restart takes. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respond(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, HttpHeaders headers, UriInfo uri) {
        return constraintViolations(e, headers, uri);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        Locale locale = locale(headers);
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            String message = violation.getMessage();
            errors.add(new FieldError(fieldOf(violation.getPropertyPath()), LocalizedText.of(message, message)));
        }
        errors.sort(Comparator.comparing(FieldError::field));
        return respondIn(ProblemException.invalidFields(errors), locale, headers, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        return respond(jsonProblem(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpHeaders headers, UriInfo uri) {
        return respond(jsonProblem(e), headers, uri);
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e, HttpHeaders headers, UriInfo uri) {
        return respond(ETags.stale(), headers, uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers, UriInfo uri) {
        return respond(ETags.stale(), headers, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, UriInfo uri) {
        return respond(unauthenticatedProblem(), headers, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers, UriInfo uri) {
        return respond(unauthenticatedProblem(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return respond(new ProblemException(ProblemType.FORBIDDEN,
                LocalizedText.of("Your role does not allow this.", "このロールではこの操作はできません。")), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        if (e.getCause() instanceof ProblemException problem) {
            // A parameter converter's refusal (QueryParameterConverters): it names the parameter.
            return respond(problem, headers, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            // The body reader's refusal of a body it could not parse: say why, as for any unreadable body.
            return respond(jsonProblem(json), headers, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.of("http-" + status, status, "Request refused", "リクエストは拒否されました");
        };
        return respond(new ProblemException(type, type.title()), headers, uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (isBrokenForm(e)) {
            return respond(new ProblemException(ProblemType.MALFORMED_REQUEST, LocalizedText.of(
                    "The multipart body is broken or incomplete (a part or the closing boundary is missing).",
                    "マルチパートの本文が壊れているか不完全です（パートまたは終端の境界がありません）。")), headers, uri);
        }
        if (DatabaseOutage.isCauseOf(e)) {
            LOG.warnf("database unavailable: %s", e.toString());
            return respond(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    LocalizedText.of("The database is not reachable; try again shortly.",
                            "データベースに接続できません。しばらくしてから再度お試しください。")), headers, uri);
        }
        if (sqlState(e, "22021") || sqlState(e, "22P05")) {
            // Text PostgreSQL cannot store (the NUL character, in a column or in JSON): the input's fault, not ours.
            return respond(new ProblemException(ProblemType.VALIDATION_FAILED,
                    LocalizedText.of("The text contains a character that cannot be stored (such as NUL).",
                            "保存できない文字（NUL など）が含まれています。")), headers, uri);
        }
        if (sqlState(e, "23505")) {
            return respond(ProblemException.conflict("The record already exists.", "同じデータが既に存在します。"),
                    headers, uri);
        }
        LOG.errorf(e, "unexpected error in %s", uri == null ? "?" : uri.getPath());
        return respond(new ProblemException(ProblemType.INTERNAL_ERROR,
                LocalizedText.of("Something went wrong on our side; the request id helps support find it.",
                        "サーバー側でエラーが発生しました。問い合わせの際はリクエストIDをお知らせください。")), headers, uri);
    }

    static Response respond(ProblemException e, HttpHeaders headers, UriInfo uri) {
        return respondIn(e, locale(headers), headers, uri);
    }

    private static Response respondIn(ProblemException e, Locale locale, HttpHeaders headers, UriInfo uri) {
        Problem body = Problem.of(e, locale, uri == null ? null : uri.getPath(), RequestIds.current());
        Response.ResponseBuilder response = Response.status(e.type().status()).type(Problem.MEDIA_TYPE).entity(body);
        if (e.type().status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        if (e.type().status() == 503) {
            response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    /** Japanese when the caller prefers it, English otherwise. */
    public static Locale locale(HttpHeaders headers) {
        if (headers != null) {
            List<Locale> acceptable;
            try {
                acceptable = headers.getAcceptableLanguages();
            } catch (RuntimeException unparsable) {
                // A malformed Accept-Language must not turn the answer to the request into a 500.
                return Locale.ENGLISH;
            }
            for (Locale candidate : acceptable) {
                if ("ja".equals(candidate.getLanguage())) {
                    return Locale.JAPANESE;
                }
                if ("en".equals(candidate.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.ENGLISH;
    }

    private static ProblemException unauthenticatedProblem() {
        return new ProblemException(ProblemType.UNAUTHENTICATED,
                LocalizedText.of("Sign in: a valid bearer token is required.", "ログインしてください（有効なトークンが必要です）。"));
    }

    private static ProblemException jsonProblem(JsonProcessingException e) {
        String duplicate = duplicateProperty(e);
        if (duplicate != null) {
            return ProblemException.invalidField(duplicate, "Given more than once: send each property once.",
                    "同じ項目が複数回指定されています。一度だけ指定してください。");
        }
        if (e instanceof InvalidTypeIdException invalid) {
            // A body that names its own type (e.g. a form): an unknown or repeated type name is that property's error.
            String property = typeProperty(invalid);
            if (property != null) {
                return ProblemException.invalidField(property, "Unknown type: " + abbreviate(invalid.getTypeId()) + ".",
                        "種類が不正です: " + abbreviate(invalid.getTypeId()));
            }
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            if (e instanceof UnrecognizedPropertyException) {
                return ProblemException.invalidField(field, "Unknown field.", "不明な項目です。");
            }
            if (e instanceof InvalidFormatException invalid) {
                return ProblemException.invalidField(field, "Invalid value: " + abbreviate(invalid.getValue()) + ".",
                        "値が不正です: " + abbreviate(invalid.getValue()));
            }
            if (e instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
                String reason = instantiation.getCause().getMessage();
                return ProblemException.invalidField(field, reason, reason);
            }
            return ProblemException.invalidField(field, "Wrong type or shape.", "型または形式が不正です。");
        }
        if (e instanceof JsonParseException || e instanceof MismatchedInputException) {
            return new ProblemException(ProblemType.MALFORMED_REQUEST,
                    LocalizedText.of("The body is not valid JSON of the expected shape.", "本文が正しい JSON ではありません。"));
        }
        return new ProblemException(ProblemType.MALFORMED_REQUEST,
                LocalizedText.of("The body cannot be read.", "本文を読み取れません。"));
    }

    /** The request's multipart body could not be read to its end: the client's body, not our failure. */
    private static boolean isBrokenForm(Throwable e) {
        if (!(e instanceof java.io.IOException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
        }
        return false;
    }

    /** The property that names a body's type ({@code @JsonTypeInfo(property)}), or null. */
    static String typeProperty(InvalidTypeIdException invalid) {
        JsonTypeInfo info = invalid.getBaseType() == null ? null
                : invalid.getBaseType().getRawClass().getAnnotation(JsonTypeInfo.class);
        return info == null || info.property().isBlank() ? null : info.property();
    }

    /**
     * The path of the property an object repeats ({@code StrictJson} makes the parser refuse it), or null. The parser
     * stops at the repeated name, so its context is where the name stands.
     */
    static String duplicateProperty(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                if (read.getProcessor() != null) {
                    return pathOf(read.getProcessor().getParsingContext());
                }
                // A body read twice (a type named by one of its properties) knows the name, not the path.
                String message = read.getOriginalMessage();
                return message.substring("Duplicate field '".length(), Math.max(message.indexOf('\'', 17),
                        "Duplicate field '".length()));
            }
        }
        return null;
    }

    private static String pathOf(JsonStreamContext where) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext context = where; context != null && !context.inRoot();
                context = context.getParent()) {
            segments.add(0, context.inArray() ? "[" + context.getCurrentIndex() + "]" : "." + context.getCurrentName());
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            }
        }
        return field.toString();
    }

    /**
     * The path a client knows: {@code tasks[2].title} for a body property, {@code limit} for a query parameter,
     * never the Java method or parameter name of a body.
     */
    static String fieldOf(Path path) {
        String parameter = null;
        StringBuilder property = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT, BEAN -> {
                    if (node.isInIterable()) {
                        property.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        if (!property.isEmpty()) {
                            property.append('.');
                        }
                        property.append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        if (property.isEmpty()) {
            return parameter == null ? "" : parameter;
        }
        return property.charAt(0) == '[' && parameter != null ? parameter + property : property.toString();
    }

    private static boolean sqlState(Throwable error, String state) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
