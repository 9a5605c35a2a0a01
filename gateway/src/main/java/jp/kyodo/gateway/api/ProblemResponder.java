package jp.kyodo.gateway.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Ends a request with one of the gateway's own problem responses. */
public final class ProblemResponder {

    private ProblemResponder() {
    }

    /** The problem in the caller's language, carrying the request id settled by {@link RequestIdFilter}. */
    public static Problem problemFor(RoutingContext ctx, GatewayProblem kind, Object... detailArgs) {
        Language language = Language.preferredBy(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return kind.toProblem(language, ctx.request().getHeader(RequestId.HEADER), detailArgs);
    }

    public static void send(RoutingContext ctx, GatewayProblem kind, Object... detailArgs) {
        send(ctx.response(), problemFor(ctx, kind, detailArgs));
    }

    public static void send(HttpServerResponse response, Problem problem) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Too late for a problem document: cut the response so the caller sees it is incomplete.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.language().tag())
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.toJson());
    }
}
