package jp.kyodo.gateway.proxy;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the four services live and how long the gateway waits for them.
 * <p>
 * The upstream URL and the timeout of a route are separate keys
 * ({@code kyodo.gateway.upstream.proposals}, {@code kyodo.gateway.timeout.proposals}) because a
 * config key cannot be both a value and a group.
 */
@ConfigMapping(prefix = "kyodo.gateway")
public interface GatewayConfig {

    /** Base URL (scheme, host, port; no path) of each service. */
    Upstreams upstream();

    /** How long to wait for each service's response before answering 504. */
    Timeouts timeout();

    /** Connecting to a service that is down must fail fast (503), not hang. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Pooled HTTP/1.1 connections per service. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    interface Upstreams {
        @WithDefault("http://127.0.0.1:8081")
        URI directory();

        @WithDefault("http://127.0.0.1:8082")
        URI proposals();

        @WithDefault("http://127.0.0.1:8083")
        URI agreements();

        @WithDefault("http://127.0.0.1:8084")
        URI evaluations();
    }

    interface Timeouts {
        @WithDefault("10s")
        Duration directory();

        @WithDefault("10s")
        Duration proposals();

        @WithDefault("10s")
        Duration agreements();

        @WithDefault("10s")
        Duration evaluations();
    }
}
