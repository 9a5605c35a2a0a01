package jp.kyodo.gateway.proxy;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Asks every replica of a replicated service for its readiness ({@code /q/health/ready}) every
 * {@code kyodo.gateway.health-check.interval}: a replica that answers 200 in time is up, any other outcome marks it
 * down until it passes again. A service with one origin is not checked (there is nothing to choose between).
 */
@ApplicationScoped
public class UpstreamHealthChecks {

    static final String READINESS = "/q/health/ready";

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    @Inject
    UpstreamRoutes routes;

    private HttpClient client;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        GatewayConfig.HealthCheck settings = config.healthCheck();
        if (routes.all().stream().noneMatch(r -> r.replicas().isReplicated())) {
            return;
        }
        Duration timeout = settings.timeout();
        client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) timeout.toMillis())
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(2));
        timer = vertx.setPeriodic(settings.interval().toMillis(), id -> checkAll(timeout));
    }

    private void checkAll(Duration timeout) {
        for (UpstreamRoute route : routes.all()) {
            if (route.replicas().isReplicated()) {
                route.replicas().origins().forEach(origin -> check(route.replicas(), origin, timeout));
            }
        }
    }

    private void check(Replicas replicas, Origin origin, Duration timeout) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.host())
                .setPort(origin.port()).setSsl(origin.tls()).setURI(READINESS).setTimeout(timeout.toMillis());
        client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .onSuccess(status -> {
                    if (status == 200) {
                        replicas.markUp(origin);
                    } else {
                        replicas.markDown(origin, "readiness answered " + status);
                    }
                })
                .onFailure(failure -> replicas.markDown(origin, "readiness check failed: " + failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (client != null) {
            client.close();
        }
    }
}
