package jp.kyodo.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * A 304 or 204 has no body (RFC 9110 15.3.5, 15.4.5), but the proxy would stream the service's empty answer as a
 * chunked body, announcing {@code Transfer-Encoding: chunked}: a client that trusts the framing over the status (wrk,
 * some caches) then waits for chunks that never come. Such an answer is sent as what it is, headers only; the
 * service's empty stream is drained so that its connection goes back to the pool.
 */
final class NoBodyStatusInterceptor implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        int status = response.getStatusCode();
        if ((status == 304 || status == 204) && response.getBody() != null) {
            Body upstream = response.getBody();
            response.setBody(null);
            response.headers().remove("Transfer-Encoding").remove("Content-Length");
            upstream.stream().resume();
        }
        return context.sendResponse();
    }
}
