package jp.kyodo.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One service behind the gateway: the path area it owns and where it lives.
 *
 * @param name      short name used in config keys and error messages ({@code proposals})
 * @param pathArea  the area it owns, {@code /api/proposals}; the path itself is forwarded unchanged
 * @param host      upstream host
 * @param port      upstream port
 * @param tls       whether to speak HTTPS to the upstream
 * @param timeout   how long to wait for the upstream's response
 */
public record UpstreamRoute(String name, String pathArea, String host, int port, boolean tls, Duration timeout) {

    public static List<UpstreamRoute> fromConfig(GatewayConfig config) {
        GatewayConfig.Upstreams urls = config.upstream();
        GatewayConfig.Timeouts timeouts = config.timeout();
        return List.of(
                of("directory", urls.directory(), timeouts.directory()),
                of("proposals", urls.proposals(), timeouts.proposals()),
                of("agreements", urls.agreements(), timeouts.agreements()),
                of("evaluations", urls.evaluations(), timeouts.evaluations()),
                of("notifications", urls.notifications(), timeouts.notifications()));
    }

    static UpstreamRoute of(String name, URI baseUrl, Duration timeout) {
        String scheme = baseUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("kyodo.gateway.upstream." + name + " must be an http(s) URL: " + baseUrl);
        }
        // A base path would mean rewriting request paths, which the gateway never does.
        String path = baseUrl.getRawPath();
        boolean hasPath = path != null && !path.isEmpty() && !"/".equals(path);
        if (hasPath || baseUrl.getRawQuery() != null) {
            throw new IllegalArgumentException(
                    "kyodo.gateway.upstream." + name + " must have no path or query (paths are forwarded unchanged): "
                            + baseUrl);
        }
        boolean tls = "https".equals(scheme);
        int port = baseUrl.getPort() != -1 ? baseUrl.getPort() : tls ? 443 : 80;
        return new UpstreamRoute(name, "/api/" + name, baseUrl.getHost(), port, tls, timeout);
    }

    /** Vert.x Web route pattern: matches {@code /api/proposals}, {@code /api/proposals/} and anything below. */
    public String routePattern() {
        return pathArea + "/*";
    }
}
