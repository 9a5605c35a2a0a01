package jp.kyodo.gateway.proxy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One service behind the gateway: the path area it owns and its replicas.
 *
 * @param name      short name used in config keys and error messages ({@code proposals})
 * @param pathArea  the area it owns, {@code /api/proposals}; the path itself is forwarded unchanged
 * @param replicas  where the service runs, one origin per replica, with their health
 * @param timeout   how long to wait for the upstream's response
 */
public record UpstreamRoute(String name, String pathArea, Replicas replicas, Duration timeout) {

    static UpstreamRoute of(String name, List<URI> baseUrls, Duration timeout) {
        List<Origin> origins = new ArrayList<>();
        for (URI baseUrl : baseUrls) {
            origins.add(origin(name, baseUrl));
        }
        return new UpstreamRoute(name, "/api/" + name, new Replicas(name, origins), timeout);
    }

    static Origin origin(String name, URI baseUrl) {
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
        return new Origin(baseUrl.getHost(), port, tls);
    }

    /** Vert.x Web route pattern: matches {@code /api/proposals}, {@code /api/proposals/} and anything below. */
    public String routePattern() {
        return pathArea + "/*";
    }
}
