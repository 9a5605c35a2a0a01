package jp.kyodo.gateway.security;

import java.util.Set;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * Reads may go through without a token (the service decides whether the resource is public); a write
 * without a valid token is refused here, before it costs the service anything, unless {@link AnonymousWriteGate}
 * admitted it.
 */
public class WriteRequiresTokenHandler implements Handler<RoutingContext> {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public void handle(RoutingContext ctx) {
        if (READS.contains(ctx.request().method()) || isAuthenticated(ctx) || AnonymousWriteGate.admitted(ctx)) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        ProblemResponder.send(ctx, GatewayProblem.TOKEN_REQUIRED);
    }

    /** Proactive authentication has already run: a verified token shows up as a non-anonymous user. */
    static boolean isAuthenticated(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous();
    }
}
