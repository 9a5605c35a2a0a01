package jp.kyodo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What the router itself answers outside the routes that write problem documents of their own: no route for the path
 * (404), a path that does not take the method (405), a body over Quarkus' own limit (413). Vert.x and Quarkus would
 * answer these with an HTML page or an empty body; a client of the API gets the same problem documents, with the
 * request id, wherever it knocks.
 */
@ApplicationScoped
public class OwnErrorAnswers {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void register(@Observes Router router) {
        router.errorHandler(404, ctx -> ProblemResponder.send(ctx, GatewayProblem.NOTHING_HERE));
        router.errorHandler(405, OwnErrorAnswers::methodNotAllowed);
        router.errorHandler(413, ctx -> ProblemResponder.send(ctx, GatewayProblem.PAYLOAD_TOO_LARGE,
                maxBodySize.asLongValue() / 1024 + " kB"));
    }

    /** Right after the request id is settled (as {@link RequestLimits}): the answer carries it. */
    void register(@Observes Filters filters) {
        // The OpenAPI document's handler answers any method with the document; it is there to be read.
        filters.register(OwnErrorAnswers::readOnly, RequestLimits.PRIORITY - 1);
    }

    static final String OPENAPI_PATH = "/q/openapi";

    private static void readOnly(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (!OPENAPI_PATH.equals(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Allow", "GET, HEAD, OPTIONS");
        methodNotAllowed(ctx);
    }

    private static void methodNotAllowed(RoutingContext ctx) {
        // Vert.x has put the methods the path does take in Allow; the problem keeps it.
        ProblemResponder.send(ctx, GatewayProblem.METHOD_NOT_ALLOWED_HERE, ctx.request().method().name());
    }
}
