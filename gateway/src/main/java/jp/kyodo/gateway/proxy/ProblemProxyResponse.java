package jp.kyodo.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.Language;
import jp.kyodo.gateway.api.Problem;
import jp.kyodo.gateway.api.RequestId;

/** A gateway problem answered from inside the proxy, in place of the service's response. */
final class ProblemProxyResponse {

    private ProblemProxyResponse() {
    }

    static Problem problemFor(ProxyContext context, GatewayProblem kind, Object... detailArgs) {
        HttpServerRequest inbound = context.request().proxiedRequest();
        return kind.toProblem(
                Language.preferredBy(inbound.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
                inbound.getHeader(RequestId.HEADER),
                detailArgs);
    }

    /** Whatever the caller is still sending is read and dropped ({@code release()}); it is never forwarded. */
    static ProxyResponse of(ProxyContext context, Problem problem) {
        return context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.language().tag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(problem.toJson()));
    }
}
