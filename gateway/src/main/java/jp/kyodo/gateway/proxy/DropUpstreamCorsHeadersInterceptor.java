package jp.kyodo.gateway.proxy;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;

/**
 * CORS is the gateway's business (quarkus.http.cors.*): a service's own Access-Control-* headers would
 * be added next to the gateway's and contradict them, so they are dropped.
 */
final class DropUpstreamCorsHeadersInterceptor implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        List<String> cors = headers.names().stream()
                .filter(name -> name.regionMatches(true, 0, "access-control-", 0, "access-control-".length()))
                .toList();
        cors.forEach(headers::remove);
        return context.sendResponse();
    }
}
