package jp.kyodo.gateway.proxy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * One circuit breaker per service, shared by everything in the gateway that calls it: the reverse proxy and the
 * endpoints that combine several services' answers. A service that stops answering therefore opens one breaker,
 * and neither path keeps hammering it.
 */
@ApplicationScoped
public class UpstreamBreakers {

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private final Map<String, CircuitBreakerInterceptor> byService = new ConcurrentHashMap<>();

    /** The breaker of the route's service, as a proxy interceptor; empty when breakers are switched off. */
    Optional<CircuitBreakerInterceptor> interceptorFor(UpstreamRoute route) {
        if (!config.circuitBreaker().enabled()) {
            return Optional.empty();
        }
        return Optional.of(byService.computeIfAbsent(route.name(),
                name -> new CircuitBreakerInterceptor(vertx, route, config.circuitBreaker())));
    }

    /**
     * Runs a call to the route's service through its breaker. While the breaker is open the call is not made and
     * the future fails with {@link CircuitOpenException}; connection failures and timeouts of the call count
     * against the service, any answer counts for it.
     */
    public <T> Future<T> guard(UpstreamRoute route, Supplier<Future<T>> call) {
        return interceptorFor(route).map(breaker -> breaker.guard(call)).orElseGet(call);
    }

    void close(@Observes ShutdownEvent event) {
        byService.values().forEach(CircuitBreakerInterceptor::close);
    }
}
