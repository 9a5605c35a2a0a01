package jp.kyodo.gateway.proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.LoggedPaths;
import jp.kyodo.gateway.api.Problem;

/**
 * Turns a failed exchange with a service into a problem+json answer. The proxy alone would answer
 * every failure with an empty 502; callers need to tell "down" (503, retry later) from "slow" (504).
 * Registered first, so it wraps every later interceptor and the origin itself.
 */
final class UpstreamFailureInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailureInterceptor.class);

    private final UpstreamRoute route;

    UpstreamFailureInterceptor(UpstreamRoute route) {
        this.route = route;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> Future.succeededFuture(problemResponse(context, failure)));
    }

    private ProxyResponse problemResponse(ProxyContext context, Throwable failure) {
        HttpServerRequest inbound = context.request().proxiedRequest();
        GatewayProblem kind = UpstreamFailure.classify(failure);
        Problem problem = ProblemProxyResponse.problemFor(context, kind, route.name());
        ProxyResponse response = ProblemProxyResponse.of(context, problem);
        if (failure instanceof CircuitOpenException open) {
            // Expected while the breaker is open; the breaker logged when it opened.
            LOG.debugf("%s %s -> %s service not called: circuit breaker open", inbound.method(),
                    LoggedPaths.of(inbound.path()), route.name());
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(open.retryAfterSeconds()));
        } else {
            LOG.warnf("%s %s -> %s service failed (%d): %s",
                    inbound.method(), LoggedPaths.of(inbound.path()), route.name(), kind.status(),
                    LoggedPaths.inText(failure.toString()));
        }
        return response;
    }
}
