package jp.kyodo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.ext.web.RoutingContext;

/**
 * Settles the request id before anything else runs, so that every response - proxied, 401 from the
 * token check, 503 from a dead upstream - carries it, the upstream receives the same value, and the
 * gateway's log lines for the request show it.
 */
@ApplicationScoped
public class RequestIdFilter {

    /** Above CORS and authentication, so even a rejected token gets a request id. */
    static final int PRIORITY = SecurityHandlerPriorities.CORS + 100;

    void register(@Observes Filters filters) {
        filters.register(RequestIdFilter::handle, PRIORITY);
    }

    static void handle(RoutingContext ctx) {
        String id = RequestId.acceptOrCreate(ctx.request().getHeader(RequestId.HEADER));
        // Rewriting the inbound header is what makes the proxy forward the settled value.
        ctx.request().headers().set(RequestId.HEADER, id);
        // Log lines written while handling this request carry it (%X{requestId} in the log format). Quarkus
        // keeps the MDC per request (in the request's Vert.x context), so it needs no clearing.
        MDC.put(RequestId.MDC_KEY, id);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestId.HEADER, id));
        ctx.next();
    }
}
