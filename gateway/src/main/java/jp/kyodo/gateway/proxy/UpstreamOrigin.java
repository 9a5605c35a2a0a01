package jp.kyodo.gateway.proxy;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;

/**
 * Opens the request to one replica of a route's service, the next one {@link Replicas} offers that this request has
 * not tried yet (so a retry by {@link ReplicaFailover} goes elsewhere). Only the destination and the timeouts are set
 * here: method, path, query, headers and body are copied from the caller's request by the proxy, unchanged.
 */
final class UpstreamOrigin implements OriginRequestProvider {

    /** The replicas this request was sent to, in order; the last is the current one. */
    static final String TRIED = "kyodo.upstream.tried";

    private final UpstreamRoute route;

    UpstreamOrigin(UpstreamRoute route) {
        this.route = route;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        List<Origin> tried = tried(context);
        Origin origin = route.replicas().pick(tried);
        if (origin == null) {
            return Future.failedFuture(new IllegalStateException("every replica of the " + route.name()
                    + " service has been tried"));
        }
        tried.add(origin);
        long timeoutMillis = route.timeout().toMillis();
        RequestOptions options = new RequestOptions()
                .setHost(origin.host())
                .setPort(origin.port())
                .setSsl(origin.tls())
                // Waiting for a pooled connection counts against the route's time budget...
                .setConnectTimeout(timeoutMillis)
                // ...and so does waiting for the response (reset by every chunk that arrives).
                .setIdleTimeout(timeoutMillis);
        return context.client().request(options);
    }

    @SuppressWarnings("unchecked")
    static List<Origin> tried(ProxyContext context) {
        List<Origin> tried = context.get(TRIED, List.class);
        if (tried == null) {
            tried = new ArrayList<>(2);
            context.set(TRIED, tried);
        }
        return tried;
    }
}
