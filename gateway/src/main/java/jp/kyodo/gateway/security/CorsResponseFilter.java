package jp.kyodo.gateway.security;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Tidies what Quarkus' CORS filter (configured by {@code quarkus.http.cors.*}) leaves on a response to
 * a request that carried an {@code Origin}:
 * <ul>
 * <li>origin refused: Quarkus answers 403 but still lists the allowed methods and headers; those go,
 * so a refused origin learns nothing and sees no CORS header at all;</li>
 * <li>origin allowed: the answer is specific to that origin, so {@code Vary: Origin} tells caches.</li>
 * </ul>
 */
@ApplicationScoped
public class CorsResponseFilter {

    /** Before the CORS filter, so its hook sees what the CORS filter decided. */
    static final int PRIORITY = SecurityHandlerPriorities.CORS + 50;

    private static final String PREFIX = "access-control-";

    void register(@Observes Filters filters) {
        filters.register(CorsResponseFilter::handle, PRIORITY);
    }

    static void handle(RoutingContext ctx) {
        if (ctx.request().getHeader(HttpHeaders.ORIGIN) != null) {
            ctx.addHeadersEndHandler(v -> tidy(ctx.response().headers()));
        }
        ctx.next();
    }

    private static void tidy(MultiMap headers) {
        if (headers.contains(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            if (!headers.contains(HttpHeaders.VARY, HttpHeaders.ORIGIN, true)) {
                headers.add(HttpHeaders.VARY, "Origin");
            }
            return;
        }
        List<String> cors = headers.names().stream()
                .filter(name -> name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()))
                .toList();
        cors.forEach(headers::remove);
    }
}
