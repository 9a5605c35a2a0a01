package jp.kyodo.gateway.proxy;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.Language;
import jp.kyodo.gateway.api.Problem;
import jp.kyodo.gateway.api.RequestId;

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
        Problem problem = kind.toProblem(
                Language.preferredBy(inbound.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
                inbound.getHeader(RequestId.HEADER),
                route.name());
        LOG.warnf("%s %s -> %s service failed (%d, requestId=%s): %s",
                inbound.method(), inbound.path(), route.name(), kind.status(), problem.requestId(), failure.toString());
        // release() drains whatever the caller is still sending, which will never be forwarded now.
        return context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.language().tag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(problem.toJson()));
    }
}
