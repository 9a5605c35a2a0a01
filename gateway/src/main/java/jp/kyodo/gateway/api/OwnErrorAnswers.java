package jp.kyodo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the router itself answers outside the routes that write problem documents of their own: no route for the path
 * (404), a path that does not take the method (405), a body over Quarkus' own limit (413). Vert.x and Quarkus would
 * answer these with an HTML page or an empty body; a client of the API gets the same problem documents, with the
 * request id, wherever it knocks.
 * <p>
 * The framework's endpoints under {@code /q/} (the OpenAPI document, Swagger UI, health, metrics) are read-only, but
 * Quarkus' handlers answer any method; a write to them is answered 405 here, before they see it.
 */
@ApplicationScoped
public class OwnErrorAnswers {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    /** Before Quarkus' own routes, after authentication (as the edge checks of /api). */
    static final int READ_ONLY_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    private static final String READS = "GET, HEAD, OPTIONS";

    void register(@Observes Router router) {
        router.route("/q/*").order(READ_ONLY_ORDER).handler(OwnErrorAnswers::readsOnly);
        router.errorHandler(404, ctx -> ProblemResponder.send(ctx, GatewayProblem.NOTHING_HERE));
        router.errorHandler(405, OwnErrorAnswers::methodNotAllowed);
        router.errorHandler(413, ctx -> ProblemResponder.send(ctx, GatewayProblem.PAYLOAD_TOO_LARGE,
                maxBodySize.asLongValue() / 1024 + " kB"));
    }

    private static void readsOnly(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.ALLOW, READS);
        methodNotAllowed(ctx);
    }

    private static void methodNotAllowed(RoutingContext ctx) {
        // Vert.x has put the methods the path does take in Allow; the problem keeps it.
        ProblemResponder.send(ctx, GatewayProblem.METHOD_NOT_ALLOWED_HERE, ctx.request().method().name());
    }
}
