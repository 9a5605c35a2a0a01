package jp.kyodo.platform.idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;
import jp.kyodo.platform.web.ResponseJson;

/**
 * A retried create returns the first response instead of creating twice. The key row is inserted in the
 * creating transaction (this interceptor runs inside {@code @Transactional}); a concurrent duplicate's insert
 * waits on the primary key until the first transaction ends, then replays its stored response.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    ResponseJson responseJson;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        HttpServerRequest request = currentRequest.getCurrent().request();
        String key = request.getHeader(HEADER);
        if (key == null) {
            return invocation.proceed();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalidField(HEADER, "Must be 1 to 255 characters.", "1〜255文字で指定してください。");
        }
        IdempotencyStore.Scope scope = new IdempotencyStore.Scope(
                identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName(), request.method().name(),
                request.path(), key);
        String requestHash = hashOf(invocation.getParameters());

        if (!store.claim(scope, requestHash)) {
            IdempotencyStore.StoredResponse first = store.find(scope)
                    .orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + scope));
            if (!first.requestHash().equals(requestHash)) {
                throw new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                        LocalizedText.of("This Idempotency-Key was already used with a different request body.",
                                "この Idempotency-Key は別の内容のリクエストで使用されています。"));
            }
            return replay(first).header(REPLAYED_HEADER, "true").build();
        }

        Response response = toResponse(invocation.proceed());
        IdempotencyStore.StoredResponse stored = new IdempotencyStore.StoredResponse(requestHash, response.getStatus(),
                response.hasEntity() ? responseJson.write(response.getEntity()) : null, headersOf(response));
        store.complete(scope, stored);
        return replay(stored).build();
    }

    private static Response toResponse(Object result) {
        if (result instanceof Response response) {
            return response;
        }
        if (result instanceof RestResponse<?> restResponse) {
            return restResponse.toResponse();
        }
        return Response.ok(result).build();
    }

    /** Location and ETag are what a client needs from a create; the rest is recomputed on replay. */
    private static Map<String, String> headersOf(Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] { HttpHeaders.LOCATION, HttpHeaders.ETAG }) {
            Object value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value instanceof jakarta.ws.rs.core.EntityTag tag ? "\"" + tag.getValue() + "\""
                        : value.toString());
            }
        }
        return headers;
    }

    private static Response.ResponseBuilder replay(IdempotencyStore.StoredResponse stored) {
        Response.ResponseBuilder builder = Response.status(stored.status());
        if (stored.body() != null) {
            builder.entity(stored.body()).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
        stored.headers().forEach(builder::header);
        return builder;
    }

    private String hashOf(Object[] parameters) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object parameter : parameters) {
                if (parameter == null || isFramework(parameter)) {
                    continue;
                }
                digest.update(mapper.writeValueAsString(parameter).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isFramework(Object parameter) {
        String name = parameter.getClass().getName();
        return name.startsWith("jakarta.ws.rs.") || name.startsWith("io.vertx.") || name.startsWith("org.jboss.resteasy.")
                || name.startsWith("io.quarkus.") || parameter instanceof HttpHeaders;
    }
}
