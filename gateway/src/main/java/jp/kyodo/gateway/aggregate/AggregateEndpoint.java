package jp.kyodo.gateway.aggregate;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * Mounts one of the gateway's own read endpoints: GET only (405 otherwise), behind the same edge checks as the
 * proxied routes (token check, rate limit), with the answer's calls in a {@link Fanout}. A guard timer answers 504
 * should an answer somehow outlive its deadline, so no request can hang.
 */
public final class AggregateEndpoint {

    private static final Logger LOG = Logger.getLogger(AggregateEndpoint.class);

    /** After the edge checks ({@code /api/*}, order -3) and Quarkus' upload limit, before the proxy's catch-all 404. */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1;

    /** Time given past the deadline for the answer to be written before the guard gives up. */
    private static final long GRACE_MILLIS = 2000;

    /** Builds and sends the answer; the future fails only on a bug (then 500). */
    @FunctionalInterface
    public interface Assembly {
        Future<Void> answer(RoutingContext ctx, Fanout fanout);
    }

    private AggregateEndpoint() {
    }

    public static void mount(Router router, Vertx vertx, String path, ServiceClient client, Assembly assembly) {
        router.route(path).order(ORDER).handler(ctx -> {
            if (ctx.request().method() != HttpMethod.GET) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "GET");
                ProblemResponder.send(ctx, GatewayProblem.METHOD_NOT_ALLOWED);
                return;
            }
            Fanout fanout = client.open(Caller.of(ctx));
            long guard = vertx.setTimer(Math.max(1, fanout.millisLeft()) + GRACE_MILLIS, t -> {
                fanout.cancel();
                if (!ctx.response().ended()) {
                    LOG.errorf("GET %s: the answer was not assembled by its deadline", ctx.request().path());
                    ProblemResponder.send(ctx, GatewayProblem.ASSEMBLY_TIMEOUT);
                }
            });
            Future<Void> answered;
            try {
                answered = assembly.answer(ctx, fanout);
            } catch (RuntimeException bug) {
                answered = Future.failedFuture(bug);
            }
            answered.onComplete(done -> {
                vertx.cancelTimer(guard);
                fanout.cancel();
                if (done.failed() && !ctx.response().ended()) {
                    ctx.fail(done.cause());
                }
            });
        });
    }

    /** A 200 JSON answer; personal to the caller, so never stored by caches. */
    public static void sendJson(RoutingContext ctx, JsonObject body, String contentLanguage) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (contentLanguage != null) {
            ctx.response().putHeader(HttpHeaders.CONTENT_LANGUAGE, contentLanguage);
        }
        ctx.response().end(body.toBuffer());
    }
}
