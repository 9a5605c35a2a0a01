package jp.kyodo.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;
import jp.kyodo.gateway.ratelimit.RateLimiter;
import jp.kyodo.gateway.security.AnonymousWriteGate;
import jp.kyodo.gateway.security.WriteRequiresTokenHandler;

/**
 * Mounts one reverse proxy per service on the Quarkus router, behind the edge checks (rate limit, body
 * size) and, per service, a circuit breaker. By the time a request reaches these routes, Quarkus has
 * already checked any bearer token it carries (proactive authentication), so an invalid token never
 * gets here.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    /** After the authentication and authorization filters, before Quarkus' upload limit. */
    static final int EDGE_CHECKS_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    UpstreamBreakers breakers;

    @Inject
    UpstreamRoutes routes;

    private HttpClient client;

    void mount(@Observes Router router) {
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        // TCP connect timeout: a host that does not answer at all is "down" (503), quickly.
                        .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));

        // Checks every /api request goes through before routing, cheapest refusal first. Authentication has
        // run by then (it is a filter); the order is just before Quarkus' own body limit, which would
        // otherwise answer an oversized body with an empty 413.
        BodySizeLimit bodySizeLimit = new BodySizeLimit(config.maxBodySize().asLongValue(),
                config.maxUploadSize().asLongValue(), config.uploadPaths());
        Route edge = router.route("/api/*").order(EDGE_CHECKS_ORDER);
        if (config.rateLimit().enabled()) {
            edge.handler(new RateLimiter(config.rateLimit()));
        }
        AnonymousWriteGate anonymousWrites = new AnonymousWriteGate(config.anonymousWrites(), config.rateLimit().replicas(),
                config.rateLimit().maxClients());
        if (!anonymousWrites.isEmpty()) {
            edge.handler(anonymousWrites);
        }
        edge.handler(bodySizeLimit.lengthCheck());

        WriteRequiresTokenHandler writeRequiresToken = new WriteRequiresTokenHandler();
        for (UpstreamRoute route : routes.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                    .origin(new UpstreamOrigin(route))
                    // Outermost first: failures of everything below become problem answers.
                    .addInterceptor(new UpstreamFailureInterceptor(route))
                    .addInterceptor(bodySizeLimit.chunkedCheck());
            breakers.interceptorFor(route).ifPresent(proxy::addInterceptor);
            proxy.addInterceptor(new KeepCallerHostInterceptor())
                    .addInterceptor(new DropUpstreamCorsHeadersInterceptor())
                    .addInterceptor(new NoBodyStatusInterceptor())
                    // Innermost: a retry on another replica goes through nothing but the origin again.
                    .addInterceptor(new ReplicaFailover(route, config.maxBodySize().asLongValue()));
            router.route(route.routePattern())
                    .handler(writeRequiresToken)
                    .handler(ctx -> proxy.handle(ctx.request()));
            LOG.infof("Routing %s to %s (timeout %s)", route.routePattern(), route.replicas().origins(), route.timeout());
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
