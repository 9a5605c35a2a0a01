package jp.kyodo.gateway.aggregate;

import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What one service call (or one whole list) came to, from the point of view of a combined answer. */
public sealed interface Reply {

    /** The service answered with a JSON body. {@code truncated}: a list longer than the pages read. */
    record Found(Object body, boolean truncated) implements Reply {

        public JsonObject object() {
            return body instanceof JsonObject o ? o : new JsonObject();
        }

        public JsonArray array() {
            return body instanceof JsonArray a ? a : new JsonArray();
        }

        /** The JSON objects of an array body (anything else in it is skipped). */
        public List<JsonObject> objects() {
            return array().stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
        }
    }

    /** The service said the caller may not see it (401, 403) or that it does not exist for them (404). */
    record Withheld(int status) implements Reply {

        public String reason() {
            return switch (status) {
                case 401 -> "unauthenticated";
                case 403 -> "forbidden";
                default -> "not-found";
            };
        }
    }

    /**
     * No usable answer: see {@link Failure}. {@code status} is the service's status when it answered (else 0);
     * {@code retryAfterSeconds} is set when the service's circuit breaker is open.
     */
    record Unavailable(Failure failure, int status, long retryAfterSeconds) implements Reply {
    }

    /** Why a service call gave no usable answer. */
    enum Failure {
        /** Not answered within the call timeout or the answer's deadline. */
        TIMEOUT("timeout"),
        /** Connection refused, host unknown or unreachable. */
        UNREACHABLE("unreachable"),
        /** The service's circuit breaker is open: not called. */
        CIRCUIT_OPEN("circuit-open"),
        /** An error status, a body that is not JSON, too large, or a dropped connection. */
        BAD_ANSWER("bad-answer"),
        /** The answer's budget of service calls is spent: not called. */
        BUDGET_EXHAUSTED("budget-exhausted");

        private final String code;

        Failure(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
