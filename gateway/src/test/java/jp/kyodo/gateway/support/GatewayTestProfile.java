package jp.kyodo.gateway.support;

import static java.util.Map.entry;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The one profile every Quarkus test of the gateway uses, so the application boots once: a mock OIDC
 * server that signs real tokens, echo upstreams, short timeouts on the agreements and evaluations
 * routes, a quick circuit breaker, and rate limits small enough to reach in a test yet out of reach of
 * the other tests: authenticated callers get few requests (every {@code Tokens.valid()} is a new
 * client), anonymous ones - all other tests share 127.0.0.1 - many, refilled slowly.
 */
public class GatewayTestProfile implements QuarkusTestProfile {

    /** Short, so the 504 test is quick; the echo servers answer in milliseconds otherwise. */
    public static final long AGREEMENTS_TIMEOUT_MILLIS = 1000;

    /** How long the evaluations stand-in may hang before the gateway answers 504. */
    public static final long EVALUATIONS_TIMEOUT_MILLIS = 500;

    public static final int BREAKER_FAILURE_THRESHOLD = 3;
    public static final long BREAKER_COOL_DOWN_MILLIS = 1000;

    /** Per service call of the gateway's combined answers (further capped by the route timeouts above). */
    public static final long AGGREGATE_CALL_TIMEOUT_MILLIS = 800;
    public static final long AGGREGATE_DEADLINE_MILLIS = 3000;

    /** Authenticated callers: this many requests, refilled over a minute. */
    public static final int AUTHENTICATED_CAPACITY = 10;
    /** Anonymous callers: this many requests, refilled over a minute. */
    public static final int ANONYMOUS_CAPACITY = 200;

    /** A client with its own quota (a city portal's server): this many requests for all its tokens together. */
    public static final String QUOTA_CLIENT = "city-portal";
    public static final int QUOTA_CLIENT_CAPACITY = 5;

    /** The one address whose Forwarded / X-Forwarded-For headers are believed. */
    public static final String TRUSTED_PROXY = "127.0.0.4";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                entry("kyodo.gateway.timeout.agreements", AGREEMENTS_TIMEOUT_MILLIS + "ms"),
                entry("kyodo.gateway.timeout.evaluations", EVALUATIONS_TIMEOUT_MILLIS + "ms"),
                entry("kyodo.gateway.aggregate.call-timeout", AGGREGATE_CALL_TIMEOUT_MILLIS + "ms"),
                entry("kyodo.gateway.aggregate.deadline", AGGREGATE_DEADLINE_MILLIS + "ms"),
                entry("kyodo.gateway.circuit-breaker.failure-threshold", String.valueOf(BREAKER_FAILURE_THRESHOLD)),
                entry("kyodo.gateway.circuit-breaker.cool-down", BREAKER_COOL_DOWN_MILLIS + "ms"),
                entry("kyodo.gateway.rate-limit.authenticated.capacity", String.valueOf(AUTHENTICATED_CAPACITY)),
                entry("kyodo.gateway.rate-limit.authenticated.refill-tokens", String.valueOf(AUTHENTICATED_CAPACITY)),
                entry("kyodo.gateway.rate-limit.authenticated.refill-period", "1m"),
                entry("kyodo.gateway.rate-limit.anonymous.capacity", String.valueOf(ANONYMOUS_CAPACITY)),
                entry("kyodo.gateway.rate-limit.anonymous.refill-tokens", String.valueOf(ANONYMOUS_CAPACITY)),
                entry("kyodo.gateway.rate-limit.anonymous.refill-period", "1m"),
                entry("kyodo.gateway.rate-limit.clients." + QUOTA_CLIENT + ".capacity", String.valueOf(QUOTA_CLIENT_CAPACITY)),
                entry("kyodo.gateway.rate-limit.clients." + QUOTA_CLIENT + ".refill-tokens",
                        String.valueOf(QUOTA_CLIENT_CAPACITY)),
                entry("kyodo.gateway.rate-limit.clients." + QUOTA_CLIENT + ".refill-period", "1m"),
                entry("kyodo.gateway.rate-limit.trusted-proxies", TRUSTED_PROXY));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(OidcWiremockTestResource.class),
                new TestResourceEntry(EchoUpstreams.class));
    }
}
