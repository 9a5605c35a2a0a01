package jp.kyodo.gateway.accesslog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.AsyncHandler;
import org.jboss.logmanager.handlers.SizeRotatingFileHandler;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.LoggedPaths;
import jp.kyodo.gateway.api.RequestId;
import jp.kyodo.gateway.proxy.GatewayConfig;
import jp.kyodo.gateway.ratelimit.ClientKey;
import jp.kyodo.gateway.ratelimit.RateLimiter;

/**
 * One line per answered request in the access log (category {@value #CATEGORY}), built when the response has gone
 * out and written off the request threads by an asynchronous handler to a file that rotates by size and keeps a fixed
 * number of old ones ({@code kyodo.gateway.access-log.*}), so it never takes more than (backups + 1) times the size.
 * When the disk cannot keep up, lines are dropped rather than requests slowed. Health and metrics probes are not
 * logged. Refusals for the rate limit are not logged one by one: a client's first 429 is, and the rest
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
    private AsyncHandler writer;

    void register(@Observes Filters filters) {
        GatewayConfig.AccessLog settings = config.accessLog();
        if (!settings.enabled()) {
            return;
        }
        writer = fileWriter(settings);
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
                .append(who).append(" \"").append(ctx.request().method()).append(' ')
                // A calendar feed's address is its secret: never in a log line.
                .append(LoggedPaths.of(ctx.request().uri()))
                .append("\" ").append(status).append(' ').append(ctx.response().bytesWritten()).append(' ')
                .append((System.nanoTime() - start) / 1_000_000).append(" ms requestId=")
                .append(ctx.request().getHeader(RequestId.HEADER));
        if (status == 429) {
            line.append(" (further refusals of this client are summarised every ")
                    .append(config.accessLog().refusalSummaryInterval().toSeconds()).append(" s)");
        }
        LOG.info(line);
    }

    /** The category's own handler, set up at run time (a handler in the configuration would be opened by the build). */
    private static AsyncHandler fileWriter(GatewayConfig.AccessLog settings) {
        Path file = Path.of(settings.file()).toAbsolutePath();
        try {
            Files.createDirectories(file.getParent());
            SizeRotatingFileHandler rotating = new SizeRotatingFileHandler(file.toFile(), true,
                    settings.maxFileSize().asLongValue(), settings.maxBackups());
            rotating.setFormatter(new PatternFormatter("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %s%n"));
            // Flushed line by line on the writer thread, so that a tail of the file is current.
            rotating.setAutoFlush(true);
            AsyncHandler async = new AsyncHandler(settings.queueLength());
            async.setOverflowAction(AsyncHandler.OverflowAction.DISCARD);
            async.addHandler(rotating);
            java.util.logging.Logger category = java.util.logging.Logger.getLogger(CATEGORY);
            category.addHandler(async);
            category.setUseParentHandlers(false);
            return async;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file, e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            refusals.flush();
        }
        if (writer != null) {
            java.util.logging.Logger.getLogger(CATEGORY).removeHandler(writer);
            writer.close();
        }
    }
}
