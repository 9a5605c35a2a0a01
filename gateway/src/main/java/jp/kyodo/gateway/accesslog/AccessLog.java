package jp.kyodo.gateway.accesslog;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.RequestId;
import jp.kyodo.gateway.proxy.GatewayConfig;
import jp.kyodo.gateway.ratelimit.ClientKey;
import jp.kyodo.gateway.ratelimit.RateLimiter;

/**
 * One line per answered request in the access log (category {@value #CATEGORY}, written by an asynchronous handler to
 * a size-capped, rotated file: see application.properties), built when the response has gone out. Health and metrics
 * probes are not logged. Refusals for the rate limit are not logged one by one: a client's first 429 is, and the rest
 * are counted and written as one summary line per client and interval ({@link RefusalSummary}), so a flood of
 * refusals cannot fill the disk.
 */
@ApplicationScoped
public class AccessLog {

    public static final String CATEGORY = "jp.kyodo.gateway.access";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    /** Right after the request id is settled (RequestIdFilter, CORS + 100), before authentication and CORS. */
    private static final int PRIORITY = SecurityHandlerPriorities.CORS + 99;

    @Inject
    Vertx vertx;

    @Inject
    GatewayConfig config;

    private RefusalSummary refusals;
    private long timer = -1;

    void register(@Observes Filters filters) {
        GatewayConfig.AccessLog settings = config.accessLog();
        if (!settings.enabled()) {
            return;
        }
        refusals = new RefusalSummary(settings.refusalSummaryInterval(), settings.maxSummarisedClients(), LOG::info);
        Duration interval = settings.refusalSummaryInterval();
        timer = vertx.setPeriodic(interval.toMillis(), id -> refusals.flush());
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (path == null || !path.startsWith("/q/health") && !path.startsWith("/q/metrics")) {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> written(ctx, start));
        }
        ctx.next();
    }

    private void written(RoutingContext ctx, long start) {
        int status = ctx.response().getStatusCode();
        ClientKey client = ctx.get(RateLimiter.CLIENT);
        if (status == 429 && client != null && !refusals.firstOf(client.toString())) {
            return;
        }
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String who = client != null ? client.toString() : "address " + ctx.request().remoteAddress().hostAddress();
        StringBuilder line = new StringBuilder(160)
                .append(who).append(" \"").append(ctx.request().method()).append(' ').append(ctx.request().uri())
                .append("\" ").append(status).append(' ').append(ctx.response().bytesWritten()).append(' ')
                .append((System.nanoTime() - start) / 1_000_000).append(" ms requestId=")
                .append(ctx.request().getHeader(RequestId.HEADER));
        if (status == 429) {
            line.append(" (further refusals of this client are summarised every ")
                    .append(config.accessLog().refusalSummaryInterval().toSeconds()).append(" s)");
        }
        LOG.info(line);
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            refusals.flush();
        }
    }
}
