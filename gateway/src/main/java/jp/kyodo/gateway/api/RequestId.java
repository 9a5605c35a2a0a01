package jp.kyodo.gateway.api;

import java.util.UUID;

/**
 * The {@code X-Request-Id} that ties a call together across the gateway, the services and their events.
 * <p>
 * A caller's id is kept when it is safe to copy into logs and headers; anything else is replaced,
 * so a hostile or broken client cannot inject header or log content through it.
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";

    /** Key of the request id in the logging MDC. */
    public static final String MDC_KEY = "requestId";

    static final int MAX_LENGTH = 128;

    private RequestId() {
    }

    /** The caller's id if it is sane, otherwise a new random UUID. */
    public static String acceptOrCreate(String fromCaller) {
        return isSane(fromCaller) ? fromCaller : UUID.randomUUID().toString();
    }

    /** 1 to 128 characters of visible ASCII (no spaces, no control characters). */
    static boolean isSane(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
