package jp.kyodo.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;
import jp.kyodo.gateway.security.WriteRequiresTokenHandler;

/**
 * Mounts one reverse proxy per service on the Quarkus router. By the time a request reaches these
 * routes, Quarkus has already checked any bearer token it carries (proactive authentication), so an
 * invalid token never gets here.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private HttpClient client;

    void mount(@Observes Router router) {
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        // TCP connect timeout: a host that does not answer at all is "down" (503), quickly.
                        .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));

        WriteRequiresTokenHandler writeRequiresToken = new WriteRequiresTokenHandler();
        for (UpstreamRoute route : UpstreamRoute.fromConfig(config)) {
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(new UpstreamOrigin(route))
                    .addInterceptor(new UpstreamFailureInterceptor(route))
                    .addInterceptor(new KeepCallerHostInterceptor());
            router.route(route.routePattern())
                    .handler(writeRequiresToken)
                    .handler(ctx -> proxy.handle(ctx.request()));
            LOG.infof("Routing %s to %s:%d (timeout %s)", route.routePattern(), route.host(), route.port(), route.timeout());
        }
        // Anything else under /api belongs to no service: answer in the same problem format.
        router.route("/api/*").handler(ctx -> ProblemResponder.send(ctx, GatewayProblem.NO_ROUTE));
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }
}
