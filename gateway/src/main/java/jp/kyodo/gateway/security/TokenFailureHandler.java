package jp.kyodo.gateway.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * Answers a failed token check in problem+json instead of Quarkus' bare responses. Quarkus verifies a
 * bearer token before any route runs and reports failure through the router's failure handlers:
 * <ul>
 * <li>the token is rejected (bad signature, expired, wrong issuer or audience, unsigned): 401;</li>
 * <li>the keys could not be fetched because Keycloak is unreachable: 503 - the caller's token may be
 * fine, so this must not look like a 401 (nor like a 500).</li>
 * </ul>
 */
@ApplicationScoped
public class TokenFailureHandler {

    void register(@Observes Router router) {
        // Before UnexpectedFailureHandler, which would otherwise turn these into 500s.
        router.route().order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).failureHandler(TokenFailureHandler::handle);
    }

    static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (causedBy(failure, AuthenticationFailedException.class)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            ProblemResponder.send(ctx, GatewayProblem.TOKEN_INVALID);
        } else if (causedBy(failure, OIDCException.class)) {
            ProblemResponder.send(ctx, GatewayProblem.TOKEN_CHECK_UNAVAILABLE);
        } else {
            ctx.next();
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
