package jp.kyodo.gateway.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Last resort for the API area: a failure nobody else handled becomes a 500 problem (logged with its
 * stack trace and request id) rather than Quarkus' plain-text error page. Registered after the
 * specific failure handlers, so they get the first look.
 */
@ApplicationScoped
public class UnexpectedFailureHandler {

    private static final Logger LOG = Logger.getLogger(UnexpectedFailureHandler.class);

    void register(@Observes Router router) {
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_AFTER_DEFAULT).failureHandler(UnexpectedFailureHandler::handle);
    }

    static void handle(RoutingContext ctx) {
        if (ctx.failure() == null) {
            // A plain status (e.g. 413 from a limit) is not unexpected; Quarkus answers it.
            ctx.next();
            return;
        }
        LOG.errorf(ctx.failure(), "%s %s failed (requestId=%s)", ctx.request().method(), LoggedPaths.of(ctx.request().path()),
                ctx.request().getHeader(RequestId.HEADER));
        ProblemResponder.send(ctx, GatewayProblem.INTERNAL_ERROR);
    }
}
