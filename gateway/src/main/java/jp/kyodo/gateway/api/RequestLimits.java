package jp.kyodo.gateway.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's limits on the request line and the headers, answered as problem documents (414, 431) with the request
 * id. Vert.x's own limits would answer first, with an empty body and a closed connection (or a connection reset while
 * the caller is still sending), so they are set well above these ({@code quarkus.http.limits.max-initial-line-length}
 * and {@code max-header-size}): the whole request is read, and refused here. These limits sit at or below what the
 * services accept, so nothing the gateway lets through is refused by a service's HTTP decoder.
 */
@ApplicationScoped
public class RequestLimits {

    /** Right after the request id is settled, before CORS preflights, authentication and routing. */
    static final int PRIORITY = RequestIdFilter.PRIORITY - 1;

    /** What HTTP/1.1 adds to a request line around the method and the URI: two spaces and the version. */
    private static final int REQUEST_LINE_OVERHEAD = " HTTP/1.1".length() + 1;
    /** What a header line adds to its name and value: ": " and CRLF. */
    private static final int HEADER_LINE_OVERHEAD = 4;

    @ConfigProperty(name = "kyodo.gateway.max-request-line", defaultValue = "4096")
    int maxRequestLine;

    @ConfigProperty(name = "kyodo.gateway.max-header-size", defaultValue = "16K")
    MemorySize maxHeaderSize;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method().name().length() + request.uri().length() + REQUEST_LINE_OVERHEAD > maxRequestLine) {
            ProblemResponder.send(ctx, GatewayProblem.URI_TOO_LONG, maxRequestLine);
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + HEADER_LINE_OVERHEAD;
        }
        if (headerBytes > maxHeaderSize.asLongValue()) {
            ProblemResponder.send(ctx, GatewayProblem.HEADERS_TOO_LARGE, humanReadable(maxHeaderSize.asLongValue()));
            return;
        }
        ctx.next();
    }

    private static String humanReadable(long bytes) {
        return bytes % 1024 == 0 ? bytes / 1024 + " kB" : bytes + " bytes";
    }
}
