package jp.kyodo.gateway.proxy;

import java.util.regex.Pattern;

import io.netty.handler.codec.http.HttpHeaderValues;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * Refuses request bodies over the limit with 413 before anything reaches a service.
 * <ul>
 * <li>A declared {@code Content-Length} over the limit is refused by {@link #lengthCheck()}, a route
 * handler that runs before routing.</li>
 * <li>A body of unknown length (chunked) is read into memory up to the limit by
 * {@link #chunkedCheck()}, a proxy interceptor, and forwarded with its length only when complete; one
 * byte more and it is refused. Bodies with a declared length are still streamed.</li>
 * </ul>
 * After a refusal the rest of the body is read and dropped, so the caller gets to read the answer; one
 * that keeps sending beyond {@code DRAIN_FACTOR} times the limit has its connection closed.
 * <p>
 * Uploads (POSTs to the paths {@code kyodo.gateway.upload-paths} names) have their own, larger limit. They must
 * declare their length (411 otherwise) and are streamed to the service as they arrive, never collected here.
 */
final class BodySizeLimit {

    private static final long DRAIN_FACTOR = 4;

    /** Marks "over the limit" inside the chunked check; never leaves this class. */
    private static final RuntimeException TOO_LARGE = new TooLarge();

    private final long limit;
    private final String limitText;
    private final long uploadLimit;
    private final String uploadLimitText;
    private final Pattern uploadPaths;

    BodySizeLimit(long limitBytes) {
        this(limitBytes, limitBytes, "(?!)");
    }

    BodySizeLimit(long limitBytes, long uploadLimitBytes, String uploadPathPattern) {
        if (limitBytes < 1 || uploadLimitBytes < 1) {
            throw new IllegalArgumentException("kyodo.gateway.max-body-size and max-upload-size must be positive");
        }
        this.limit = limitBytes;
        this.limitText = humanReadable(limitBytes);
        this.uploadLimit = uploadLimitBytes;
        this.uploadLimitText = humanReadable(uploadLimitBytes);
        this.uploadPaths = Pattern.compile(uploadPathPattern);
    }

    private boolean isUpload(HttpServerRequest request) {
        String path = request.path();
        return request.method() == HttpMethod.POST && path != null && uploadPaths.matcher(path).matches();
    }

    Handler<RoutingContext> lengthCheck() {
        return ctx -> {
            boolean upload = isUpload(ctx.request());
            long declared = declaredLength(ctx.request());
            long limit = upload ? uploadLimit : this.limit;
            if (upload && declared < 0 && mayHaveBodyOfUnknownLength(ctx.request())) {
                discardRest(ctx.request(), ctx.request(), limit);
                ProblemResponder.send(ctx, GatewayProblem.LENGTH_REQUIRED);
                return;
            }
            if (declared <= limit) {
                ctx.next();
                return;
            }
            if (declared > limit * DRAIN_FACTOR) {
                // Not worth reading: answer and hang up.
                ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.addEndHandler(v -> ctx.request().connection().close());
            } else {
                discardRest(ctx.request(), ctx.request(), limit);
            }
            ProblemResponder.send(ctx, GatewayProblem.PAYLOAD_TOO_LARGE, upload ? uploadLimitText : limitText);
        };
    }

    ProxyInterceptor chunkedCheck() {
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                return bufferUnknownLength(context);
            }
        };
    }

    private Future<ProxyResponse> bufferUnknownLength(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest inbound = request.proxiedRequest();
        Body body = request.getBody();
        if (body == null || body.length() >= 0 || inbound.isEnded() || !mayHaveBodyOfUnknownLength(inbound)
                || isUpload(inbound)) {
            return context.sendRequest();
        }
        ReadStream<Buffer> stream = body.stream();
        Buffer collected = Buffer.buffer();
        Promise<Buffer> complete = Promise.promise();
        Handler<Buffer> discard = discarder(inbound, limit);
        stream.exceptionHandler(complete::tryFail);
        stream.endHandler(v -> complete.tryComplete(collected));
        stream.handler(chunk -> {
            if (complete.future().isComplete()) {
                discard.handle(chunk);
            } else if (collected.length() + (long) chunk.length() > limit) {
                complete.tryFail(TOO_LARGE);
            } else {
                collected.appendBuffer(chunk);
            }
        });
        stream.resume();
        return complete.future().transform(read -> {
            if (read.succeeded()) {
                request.setBody(Body.body(read.result()));
                return context.sendRequest();
            }
            if (read.cause() == TOO_LARGE) {
                return Future.succeededFuture(ProblemProxyResponse.of(context,
                        ProblemProxyResponse.problemFor(context, GatewayProblem.PAYLOAD_TOO_LARGE, limitText)));
            }
            return Future.failedFuture(read.cause());
        });
    }

    private static boolean mayHaveBodyOfUnknownLength(HttpServerRequest inbound) {
        if (inbound.version() == HttpVersion.HTTP_2) {
            return true;
        }
        String transferEncoding = inbound.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return transferEncoding != null && transferEncoding.toLowerCase().contains("chunked");
    }

    private static void discardRest(ReadStream<Buffer> stream, HttpServerRequest inbound, long limit) {
        stream.handler(discarder(inbound, limit));
        stream.resume();
    }

    /** Drops what it is given; closes the connection once too much has come for the limit that refused it. */
    private static Handler<Buffer> discarder(HttpServerRequest inbound, long limit) {
        long[] dropped = { 0 };
        return chunk -> {
            boolean wasWithin = dropped[0] <= limit * DRAIN_FACTOR;
            dropped[0] += chunk.length();
            if (wasWithin && dropped[0] > limit * DRAIN_FACTOR) {
                inbound.connection().close();
            }
        };
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // The HTTP decoder already refuses malformed lengths; nothing to check here.
            return -1;
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body too large", null, false, false);
        }
    }

    static String humanReadable(long bytes) {
        if (bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
