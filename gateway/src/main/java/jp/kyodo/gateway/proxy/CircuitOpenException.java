package jp.kyodo.gateway.proxy;

/** The service's breaker is open: the request was not sent. */
public final class CircuitOpenException extends RuntimeException {

    private final long retryAfterSeconds;

    CircuitOpenException(String service, long retryAfterSeconds) {
        super("circuit breaker of the " + service + " service is open", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
