package jp.kyodo.gateway.security;

import java.util.List;
import java.util.regex.Pattern;

import io.github.bucket4j.Bucket;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;
import jp.kyodo.gateway.proxy.GatewayConfig;
import jp.kyodo.gateway.ratelimit.RateLimiter;

/**
 * Admits the writes of the explicit allow-list ({@code kyodo.gateway.anonymous-writes.routes}) without a token: each
 * such request takes a token from its client address's own bucket (429 when empty) and must declare a body length
 * within the route's limit (411 without one, 413 over it). Anything else without a token is left to
 * {@link WriteRequiresTokenHandler}, which refuses it. The service behind still decides whether the write is open to
 * anonymous callers (a public comment period that allows comments without an account).
 */
public final class AnonymousWriteGate implements Handler<RoutingContext> {

    private static final String ADMITTED = "kyodo.anonymous-write-admitted";

    private final List<Route> routes;
    private final RateLimiter.Buckets buckets;
    private final long maxBodySize;
    private final String maxBodyText;

    record Route(String method, Pattern path) {
        static Route parse(String spec) {
            String[] parts = spec.trim().split("\\s+", 2);
            if (parts.length != 2 || !parts[1].startsWith("/api/")) {
                throw new IllegalArgumentException("kyodo.gateway.anonymous-writes.routes: expected 'METHOD /api/...', got '"
                        + spec + "'");
            }
            StringBuilder regex = new StringBuilder("^");
            for (String segment : parts[1].substring(1).split("/", -1)) {
                regex.append('/').append(segment.equals("*") ? "[^/]+" : Pattern.quote(segment));
            }
            return new Route(parts[0].toUpperCase(java.util.Locale.ROOT), Pattern.compile(regex.append('$').toString()));
        }

        boolean matches(String method, String path) {
            return this.method.equals(method) && this.path.matcher(path).matches();
        }
    }

    public AnonymousWriteGate(GatewayConfig.AnonymousWrites config, int replicas, int maxClients) {
        this.routes = config.routes().orElse(List.of()).stream().filter(s -> !s.isBlank()).map(Route::parse).toList();
        this.buckets = new RateLimiter.Buckets(config.rateLimit(), replicas, maxClients);
        this.maxBodySize = config.maxBodySize().asLongValue();
        this.maxBodyText = config.maxBodySize().asLongValue() / 1024 + " KiB";
    }

    public boolean isEmpty() {
        return routes.isEmpty();
    }

    /** Whether this gate let the request through without a token. */
    static boolean admitted(RoutingContext ctx) {
        return Boolean.TRUE.equals(ctx.get(ADMITTED));
    }

    @Override
    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        if (WriteRequiresTokenHandler.isAuthenticated(ctx) || path == null
                || routes.stream().noneMatch(r -> r.matches(method, path))) {
            ctx.next();
            return;
        }
        Long retryAfter = buckets.tryTake(RateLimiter.addressKey(ctx));
        if (retryAfter != null) {
            ctx.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            ProblemResponder.send(ctx, GatewayProblem.TOO_MANY_REQUESTS);
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long declared;
        try {
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1;
        }
        if (declared < 0) {
            ProblemResponder.send(ctx, GatewayProblem.LENGTH_REQUIRED);
            return;
        }
        if (declared > maxBodySize) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ProblemResponder.send(ctx, GatewayProblem.PAYLOAD_TOO_LARGE, maxBodyText);
            return;
        }
        ctx.put(ADMITTED, true);
        ctx.next();
    }
}
