package jp.kyodo.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The services behind the gateway, built once from the configuration, so that the proxy and the gateway's own
 * service calls see the same replicas and the same health.
 */
@ApplicationScoped
public class UpstreamRoutes {

    private final List<UpstreamRoute> all;
    private final Map<String, UpstreamRoute> byName;

    @Inject
    UpstreamRoutes(GatewayConfig config) {
        this(fromConfig(config));
    }

    UpstreamRoutes(List<UpstreamRoute> routes) {
        this.all = List.copyOf(routes);
        this.byName = all.stream().collect(Collectors.toUnmodifiableMap(UpstreamRoute::name, Function.identity()));
    }

    static List<UpstreamRoute> fromConfig(GatewayConfig config) {
        GatewayConfig.Upstreams urls = config.upstream();
        GatewayConfig.Timeouts timeouts = config.timeout();
        return List.of(
                route("directory", urls.directory(), timeouts.directory()),
                route("proposals", urls.proposals(), timeouts.proposals()),
                route("agreements", urls.agreements(), timeouts.agreements()),
                route("evaluations", urls.evaluations(), timeouts.evaluations()),
                route("notifications", urls.notifications(), timeouts.notifications()));
    }

    private static UpstreamRoute route(String name, List<URI> urls, Duration timeout) {
        return UpstreamRoute.of(name, urls, timeout);
    }

    public List<UpstreamRoute> all() {
        return all;
    }

    /** The route of a service by its short name ({@code proposals}); null when there is none. */
    public UpstreamRoute named(String name) {
        return byName.get(name);
    }
}
