package jp.kyodo.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static jp.kyodo.gateway.support.GatewayTestProfile.ANONYMOUS_CAPACITY;
import static jp.kyodo.gateway.support.GatewayTestProfile.AUTHENTICATED_CAPACITY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RateLimitTest {

    private static Vertx vertx;

    @BeforeAll
    static void startClientVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopClientVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aBurstOverTheLimitIs429WithRetryAfterBeforeAnyUpstreamCall() {
        String token = Tokens.forClient("kyodo-web", "burst-" + UUID.randomUUID());
        for (int i = 0; i < AUTHENTICATED_CAPACITY; i++) {
            given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(200);
        }
        String path = "/api/directory/organizations/" + UUID.randomUUID();
        Response limited = given().auth().oauth2(token).header("X-Request-Id", "limited-1").get(path);
        limited.then().statusCode(429)
                .contentType("application/problem+json")
                .header("X-Request-Id", "limited-1")
                .body("type", equalTo("urn:kyodo:problem:too-many-requests"))
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"))
                .body("requestId", equalTo("limited-1"));
        // The test limit refills 10 per minute: the next token is at most 6 s away.
        int retryAfter = Integer.parseInt(limited.header("Retry-After"));
        assertThat(retryAfter, allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(6)));
        assertThat(Upstreams.urisSeenBy("directory"), not(hasItem(path)));
        // Writes are limited by the same bucket.
        given().auth().oauth2(token).contentType("application/json").body("{}")
                .post("/api/proposals").then().statusCode(429);
    }

    @Test
    void theAnswerIsInJapaneseWhenPreferred() {
        String token = exhaustedToken("kyodo-web", "ja-" + UUID.randomUUID());
        given().auth().oauth2(token).header("Accept-Language", "ja")
                .get("/api/proposals")
                .then().statusCode(429)
                .header("Content-Language", "ja")
                .body("title", equalTo("リクエストが多すぎます"))
                .body("detail", containsString("Retry-After"));
    }

    @Test
    void differentClientsDoNotShareABucket() {
        String subject = "shared-" + UUID.randomUUID();
        exhaustedToken("kyodo-web", subject);
        // Another subject of the same client, and the same subject through another client, still pass.
        given().auth().oauth2(Tokens.forClient("kyodo-web", "other-" + UUID.randomUUID()))
                .get("/api/directory/organizations").then().statusCode(200);
        given().auth().oauth2(Tokens.forClient("partner-batch", subject))
                .get("/api/directory/organizations").then().statusCode(200);
        // Anonymous callers are counted apart from token holders.
        given().get("/api/directory/organizations").then().statusCode(200);
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() throws Exception {
        HttpClient fromTwo = client("127.0.0.2");
        HttpClient fromThree = client("127.0.0.3");
        try {
            // Nothing is routed at /api/rate-probe: each call is a cheap 404, but still counted.
            for (int i = 0; i < ANONYMOUS_CAPACITY; i++) {
                assertEquals(404, get(fromTwo, "/api/rate-probe").statusCode(), "request " + (i + 1) + " is within the limit");
            }
            // Tokens trickle back meanwhile (capacity per minute), so a few more may pass before the refusal.
            HttpClientResponse limited = get(fromTwo, "/api/rate-probe");
            for (int extra = 0; limited.statusCode() != 429 && extra < ANONYMOUS_CAPACITY / 10; extra++) {
                limited = get(fromTwo, "/api/rate-probe");
            }
            assertEquals(429, limited.statusCode());
            assertEquals("1", limited.getHeader("Retry-After"));
            assertEquals("application/problem+json", limited.getHeader("Content-Type"));
            assertEquals(404, get(fromThree, "/api/rate-probe").statusCode(), "another address has its own bucket");
        } finally {
            fromTwo.close();
            fromThree.close();
        }
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertEquals(1, RateLimiter.retryAfterSeconds(0));
        assertEquals(1, RateLimiter.retryAfterSeconds(1));
        assertEquals(1, RateLimiter.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1)));
        assertEquals(2, RateLimiter.retryAfterSeconds(TimeUnit.SECONDS.toNanos(1) + 1));
    }

    @Test
    void ipv6CallersAreKeyedByTheirSlash64() {
        assertEquals("192.0.2.7", ClientKey.network("192.0.2.7"));
        assertEquals(ClientKey.network("2001:db8:1:2::1"), ClientKey.network("2001:db8:1:2:ffff::9"));
        assertEquals("2001:db8:1:2::/64", ClientKey.network("2001:0db8:0001:0002:0:0:0:1"));
        assertThat(ClientKey.network("2001:db8:1:3::1"), not(equalTo(ClientKey.network("2001:db8:1:2::1"))));
    }

    /** A token whose bucket is already empty. */
    private static String exhaustedToken(String azp, String subject) {
        String token = Tokens.forClient(azp, subject);
        for (int i = 0; i < AUTHENTICATED_CAPACITY; i++) {
            given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(200);
        }
        given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(429);
        return token;
    }

    private static HttpClient client(String localAddress) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(RestAssured.port)
                .setLocalAddress(localAddress));
    }

    /**
     * One GET, its body read. The exchange runs on a Vert.x context: started from the test thread, a fast
     * response can end before the body handler is in place, and the call would never complete.
     */
    private static HttpClientResponse get(HttpClient client, String uri) throws Exception {
        CompletableFuture<HttpClientResponse> done = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> client.request(HttpMethod.GET, uri)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response))
                .onComplete(result -> {
                    if (result.succeeded()) {
                        done.complete(result.result());
                    } else {
                        done.completeExceptionally(result.cause());
                    }
                }));
        return done.get(10, TimeUnit.SECONDS);
    }
}
