package jp.kyodo.gateway.proxy;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Guards one service with a Vert.x circuit breaker. Only failures that say the service is down or stuck
 * count (connection refused or timed out, no answer in time); any answer, even a 5xx, shows it is alive
 * and closes the count. Once open, requests fail at once with {@link CircuitOpenException} - no
 * connection is attempted - until the cool-down has passed; then a single trial request is let through,
 * and its outcome closes the breaker or opens it for another cool-down.
 * <p>
 * Registered after {@link UpstreamFailureInterceptor}, which turns those failures into problem answers. The same
 * breaker also guards the gateway's own calls to the service ({@link UpstreamBreakers}), so both see one state.
 */
final class CircuitBreakerInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(CircuitBreakerInterceptor.class);

    private final String service;
    private final CircuitBreaker breaker;
    private final long coolDownNanos;
    private volatile long openedAtNanos;

    CircuitBreakerInterceptor(Vertx vertx, UpstreamRoute route, GatewayConfig.CircuitBreaker config) {
        if (config.failureThreshold() < 1 || config.failureWindow().toSeconds() < 1 || config.coolDown().toMillis() < 1) {
            throw new IllegalArgumentException("kyodo.gateway.circuit-breaker: failure-threshold must be at least 1,"
                    + " failure-window at least 1s and cool-down positive");
        }
        this.service = route.name();
        this.coolDownNanos = config.coolDown().toNanos();
        this.breaker = CircuitBreaker.create("upstream-" + route.name(), vertx, new CircuitBreakerOptions()
                .setMaxFailures(config.failureThreshold())
                .setFailuresRollingWindow(config.failureWindow().toMillis())
                .setResetTimeout(config.coolDown().toMillis())
                // The route's own timeouts apply; the breaker only counts.
                .setTimeout(-1)
                .setMaxRetries(0)
                .setFallbackOnFailure(false)
                // No periodic state broadcast on the event bus.
                .setNotificationAddress(null));
        breaker.<ProxyResponse>failurePolicy(outcome -> outcome.failed() && UpstreamFailure.isOutage(outcome.cause()));
        breaker.openHandler(v -> {
            openedAtNanos = System.nanoTime();
            LOG.warnf("Circuit breaker for the %s service opened: answering 503 without calling it for %s",
                    service, config.coolDown());
        });
        breaker.halfOpenHandler(v -> LOG.infof("Circuit breaker for the %s service half-open: letting one trial request through",
                service));
        breaker.closeHandler(v -> LOG.infof("Circuit breaker for the %s service closed: calls resume", service));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return guard(context::sendRequest);
    }

    /** Runs the call through the breaker: fails with {@link CircuitOpenException}, without calling, while open. */
    <T> Future<T> guard(Supplier<Future<T>> call) {
        return breaker.<T>execute(promise -> call.get().onComplete(promise))
                .recover(failure -> Future.failedFuture(failure instanceof OpenCircuitException
                        ? new CircuitOpenException(service, retryAfterSeconds())
                        : failure));
    }

    /** Seconds left in the cool-down, rounded up, at least 1. */
    private long retryAfterSeconds() {
        long left = coolDownNanos - (System.nanoTime() - openedAtNanos);
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (left + second - 1) / second);
    }

    void close() {
        breaker.close();
    }
}
