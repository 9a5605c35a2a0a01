package jp.kyodo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
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

    private static void methodNotAllowed(RoutingContext ctx) {
        // Vert.x has put the methods the path does take in Allow; the problem keeps it.
        ProblemResponder.send(ctx, GatewayProblem.METHOD_NOT_ALLOWED_HERE, ctx.request().method().name());
    }
}
