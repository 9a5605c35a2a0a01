package jp.kyodo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static jp.kyodo.gateway.support.GatewayTestProfile.BREAKER_COOL_DOWN_MILLIS;
import static jp.kyodo.gateway.support.GatewayTestProfile.BREAKER_FAILURE_THRESHOLD;
import static jp.kyodo.gateway.support.GatewayTestProfile.EVALUATIONS_TIMEOUT_MILLIS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

/**
 * Drives the evaluations stand-in through down, stuck and up, and watches what the gateway does. The
 * stand-in counts the connections it accepts: that the count does not move is the proof that an open
 * breaker answers without even trying to connect.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CircuitBreakerTest {

    private static final String PATH = "/api/evaluations/rounds";

    @AfterEach
    void downAgain() {
        // The other tests expect evaluations to be down.
        Upstreams.switchEvaluations("refuse");
    }

    @Test
    void aStuckServiceIsCutOffThenTriedOnceThenUsedAgainWhenItRecovers() {
        startWithAClosedBreaker();

        // Stuck: every call waits for the route timeout; the threshold-th failure opens the breaker.
        Upstreams.switchEvaluations("hang");
        for (int i = 0; i < BREAKER_FAILURE_THRESHOLD; i++) {
            call().then().statusCode(504);
        }
        int connectionsWhenOpened = Upstreams.evaluationsConnections();

        // Open: answered at once, nothing sent - not even a connection attempt.
        for (int i = 0; i < 3; i++) {
            given().header("X-Request-Id", "open-" + i)
                    .get(PATH)
                    .then().statusCode(503)
                    .time(lessThan(EVALUATIONS_TIMEOUT_MILLIS), TimeUnit.MILLISECONDS)
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .header("X-Request-Id", "open-" + i)
                    .body("type", equalTo("urn:kyodo:problem:upstream-unavailable"))
                    .body("detail", containsString("pauses calls"))
                    .body("requestId", equalTo("open-" + i));
        }
        assertEquals(connectionsWhenOpened, Upstreams.evaluationsConnections(), "an open breaker must not connect");

        // Other services are not affected.
        given().get("/api/directory/organizations").then().statusCode(200);
        given().auth().oauth2(Tokens.valid()).contentType("application/json").body("{}")
                .post("/api/agreements").then().statusCode(200);

        // After the cool-down exactly one trial goes through; while it is under way, others are still refused.
        sleep(BREAKER_COOL_DOWN_MILLIS + 200);
        CompletableFuture<Integer> trial = CompletableFuture.supplyAsync(() -> call().statusCode());
        awaitConnections(connectionsWhenOpened + 1);
        call().then().statusCode(503).time(lessThan(EVALUATIONS_TIMEOUT_MILLIS), TimeUnit.MILLISECONDS);
        assertEquals(504, trial.join(), "the trial request meets the still stuck service");
        assertEquals(connectionsWhenOpened + 1, Upstreams.evaluationsConnections(), "one trial, one connection");

        // The failed trial opened it again; once the service is back, the next trial closes it.
        Upstreams.switchEvaluations("up");
        int answered = Upstreams.evaluationsRequests();
        awaitStatus(200, Duration.ofSeconds(10));
        assertEquals(answered + 1, Upstreams.evaluationsRequests());
        for (int i = 0; i < 3; i++) {
            call().then().statusCode(200).body("upstream", equalTo("evaluations"));
        }
    }

    @Test
    void refusedConnectionsOpenItToo() {
        startWithAClosedBreaker();
        Upstreams.switchEvaluations("refuse");
        for (int i = 0; i < BREAKER_FAILURE_THRESHOLD; i++) {
            call().then().statusCode(503)
                    .header("Retry-After", nullValue())
                    .body("detail", containsString("cannot be reached right now. Please"));
        }
        given().header("Accept-Language", "ja").get(PATH)
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("type", equalTo("urn:kyodo:problem:upstream-unavailable"))
                .body("detail", containsString("一時的に呼び出しを止めています"));
    }

    @Test
    void onlyOutagesCount() {
        assertTrue(UpstreamFailure.isOutage(new java.net.ConnectException("refused")));
        assertTrue(UpstreamFailure.isOutage(new java.util.concurrent.TimeoutException()));
        assertEquals(false, UpstreamFailure.isOutage(new io.vertx.core.http.HttpClosedException("closed")));
        assertEquals(false, UpstreamFailure.isOutage(new CircuitOpenException("evaluations", 1)));
    }

    /** Brings the service up and waits until a call succeeds, which closes a breaker left open earlier. */
    private static void startWithAClosedBreaker() {
        Upstreams.switchEvaluations("up");
        awaitStatus(200, Duration.ofSeconds(10));
    }

    private static io.restassured.response.Response call() {
        return given().get(PATH);
    }

    private static void awaitStatus(int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        do {
            last = call().statusCode();
            if (last == status) {
                return;
            }
            sleep(100);
        } while (System.nanoTime() < deadline);
        fail("still " + last + " instead of " + status + " after " + within);
    }

    private static void awaitConnections(int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (Upstreams.evaluationsConnections() < count) {
            if (System.nanoTime() > deadline) {
                fail("the trial request never connected");
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
