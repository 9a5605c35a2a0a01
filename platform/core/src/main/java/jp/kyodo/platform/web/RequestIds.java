package jp.kyodo.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every request has an id: the caller's {@code X-Request-Id} when it is sane, a new UUID otherwise. It is put in
 * the logging context (so every log line of the request carries it), into outbox rows, and on the response.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String TRACEPARENT_MDC_KEY = "traceparent";

    private static final Pattern SANE = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    @ServerRequestFilter(preMatching = true)
    public void assignRequestId(ContainerRequestContext request) {
        String given = request.getHeaderString(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
        String traceparent = request.getHeaderString("traceparent");
        if (traceparent != null && TRACEPARENT.matcher(traceparent).matches()) {
            MDC.put(TRACEPARENT_MDC_KEY, traceparent);
        } else {
            MDC.remove(TRACEPARENT_MDC_KEY);
        }
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The current request's id, if there is a request. */
    public static String current() {
        return MDC.get(MDC_KEY) instanceof String id ? id : null;
    }
}
