package jp.kyodo.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends the caller's {@code Host} on to the service (the proxy would otherwise use the upstream's
 * address), so links a service builds - {@code Location} of a created resource - point at the gateway.
 */
final class KeepCallerHostInterceptor implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        HostAndPort callerAuthority = context.request().proxiedRequest().authority();
        if (callerAuthority != null) {
            context.request().setAuthority(callerAuthority);
        }
        return context.sendRequest();
    }
}
