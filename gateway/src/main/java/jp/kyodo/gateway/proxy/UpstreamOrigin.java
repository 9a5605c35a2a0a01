package jp.kyodo.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * Opens the request to a route's service. Only the destination and the timeouts are set here: method,
 * path, query, headers and body are copied from the caller's request by the proxy, unchanged.
 */
final class UpstreamOrigin implements OriginRequestProvider {

    private final UpstreamRoute route;

    UpstreamOrigin(UpstreamRoute route) {
        this.route = route;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        long timeoutMillis = route.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setHost(route.host())
                .setPort(route.port())
                .setSsl(route.tls())
                // Waiting for a pooled connection counts against the route's time budget...
                .setConnectTimeout(timeoutMillis)
                // ...and so does waiting for the response (reset by every chunk that arrives).
                .setIdleTimeout(timeoutMillis);
        return context.client().request(options);
    }
}
