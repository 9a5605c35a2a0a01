package jp.kyodo.gateway.proxy;

import java.util.List;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jp.kyodo.gateway.api.GatewayProblem;

/**
 * Sends a request to another replica of the service when the one it went to failed it, where that is safe:
 * <ul>
 * <li>the replica refused the connection (or could not be reached): nothing was sent, any request may go
 * elsewhere;</li>
 * <li>the connection broke before an answer came (the replica died under it): only a request that may be repeated
 * goes elsewhere, a read ({@code GET}, {@code HEAD}, {@code OPTIONS}) or a write carrying an
 * {@code Idempotency-Key}, which the service answers once whichever replica sees it. Any other write may have taken
 * effect, so its caller gets the 502 and decides.</li>
 * </ul>
 * A replica that timed out is not asked again elsewhere (it may still be working on it, and a slow service would get
 * every request twice). The failing replica is marked down. The body of a repeatable write is read first (it is small:
 * the edge refused larger ones), so that it can be sent again. Registered innermost, next to the origin.
 */
final class ReplicaFailover implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ReplicaFailover.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final UpstreamRoute route;
    private final long maxReplayableBody;

    ReplicaFailover(UpstreamRoute route, long maxReplayableBody) {
        this.route = route;
        this.maxReplayableBody = maxReplayableBody;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        if (!route.replicas().isReplicated()) {
            return context.sendRequest();
        }
        HttpServerRequest inbound = context.request().proxiedRequest();
        boolean repeatable = READS.contains(inbound.method()) || inbound.getHeader(IDEMPOTENCY_KEY) != null;
        Future<Boolean> ready = repeatable ? replayable(context) : Future.succeededFuture(false);
        return ready.compose(replayable -> attempt(context, replayable));
    }

    private Future<ProxyResponse> attempt(ProxyContext context, boolean repeatable) {
        return context.sendRequest().recover(failure -> {
            List<Origin> tried = UpstreamOrigin.tried(context);
            Origin failed = tried.isEmpty() ? null : tried.get(tried.size() - 1);
            boolean notSent = UpstreamFailure.classify(failure) == GatewayProblem.UPSTREAM_UNAVAILABLE;
            boolean broken = !notSent && UpstreamFailure.isConnectionLost(failure);
            if (failed != null && (notSent || broken)) {
                route.replicas().markDown(failed, failure.getMessage());
            }
            boolean another = tried.size() < route.replicas().origins().size();
            if (another && (notSent || (broken && repeatable))) {
                HttpServerRequest inbound = context.request().proxiedRequest();
                LOG.infof("%s %s -> %s replica %s failed (%s); sending it to another replica", inbound.method(),
                        inbound.path(), route.name(), failed, failure.toString());
                return attempt(context, repeatable);
            }
            return Future.failedFuture(failure);
        });
    }

    /**
     * Makes the body readable twice: read into memory when it is small enough, else the request is not repeatable
     * once sent. A request without a body is repeatable as it is.
     */
    private Future<Boolean> replayable(ProxyContext context) {
        HttpServerRequest inbound = context.request().proxiedRequest();
        Body body = context.request().getBody();
        if (body == null || !hasBody(inbound)) {
            // Without a body the proxy ends the request itself; the inbound stream is not read again.
            context.request().setBody(null);
            return Future.succeededFuture(true);
        }
        if (body.length() < 0 || body.length() > maxReplayableBody) {
            return Future.succeededFuture(false);
        }
        ReadStream<Buffer> stream = body.stream();
        Buffer collected = Buffer.buffer((int) body.length());
        Promise<Boolean> read = Promise.promise();
        Handler<Buffer> append = collected::appendBuffer;
        stream.exceptionHandler(read::tryFail);
        stream.endHandler(v -> {
            context.request().setBody(Body.body(collected));
            read.tryComplete(true);
        });
        stream.handler(append);
        stream.resume();
        return read.future();
    }

    private static boolean hasBody(HttpServerRequest inbound) {
        String length = inbound.getHeader(HttpHeaders.CONTENT_LENGTH);
        return inbound.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || length != null && !"0".equals(length.trim());
    }
}
