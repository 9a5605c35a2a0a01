package jp.kyodo.gateway.proxy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.http.HttpClosedException;
import jp.kyodo.gateway.api.GatewayProblem;

/** Tells why talking to a service failed, as the status a caller should see. */
public final class UpstreamFailure {

    private UpstreamFailure() {
    }

    /**
     * Not reachable at all (refused, no route, unknown host, TCP connect timeout) is 503; reached but
     * too slow is 504; anything else (connection dropped mid-response, protocol error) is 502.
     */
    public static GatewayProblem classify(Throwable failure) {
        if (failure instanceof CircuitOpenException) {
            return GatewayProblem.UPSTREAM_CIRCUIT_OPEN;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException) {
                return GatewayProblem.UPSTREAM_TIMEOUT;
            }
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException) {
                return GatewayProblem.UPSTREAM_UNAVAILABLE;
            }
        }
        return GatewayProblem.BAD_GATEWAY;
    }

    /**
     * Failures that count against a service's circuit breaker: it could not be reached (503) or did not
     * answer in time (504). A garbled or cut-off answer (502) means the service is up.
     */
    static boolean isOutage(Throwable failure) {
        GatewayProblem kind = classify(failure);
        return kind == GatewayProblem.UPSTREAM_UNAVAILABLE || kind == GatewayProblem.UPSTREAM_TIMEOUT;
    }

    /** The connection to the service broke before its answer came (reset, closed): the service may have died. */
    static boolean isConnectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
