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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
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
import jp.kyodo.gateway.proxy.GatewayConfig;
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
    void allTokensOfAClientWithItsOwnQuotaShareIt() {
        String oneUser = Tokens.forClient(GatewayTestProfile.QUOTA_CLIENT, "portal-" + UUID.randomUUID());
        String anotherUser = Tokens.forClient(GatewayTestProfile.QUOTA_CLIENT, "portal-" + UUID.randomUUID());
        for (int i = 0; i < GatewayTestProfile.QUOTA_CLIENT_CAPACITY; i++) {
            given().auth().oauth2(i % 2 == 0 ? oneUser : anotherUser).get("/api/directory/organizations")
                    .then().statusCode(200);
        }
        given().auth().oauth2(oneUser).get("/api/directory/organizations").then().statusCode(429);
        given().auth().oauth2(anotherUser).get("/api/directory/organizations").then().statusCode(429);
        // Another client's holder of the same subject is not affected.
        given().auth().oauth2(Tokens.forClient("kyodo-web", "portal-neighbour-" + UUID.randomUUID()))
                .get("/api/directory/organizations").then().statusCode(200);
    }

    @Test
    void behindATrustedProxyTheCallerIsTheAddressTheProxySaw() throws Exception {
        HttpClient proxy = client(GatewayTestProfile.TRUSTED_PROXY);
        HttpClient stranger = client("127.0.0.5");
        try {
            // The caller claims 203.0.113.9; the proxy appended the address it saw, 198.51.100.7.
            String chain = "203.0.113.9, 198.51.100.7";
            int status = 0;
            for (int i = 0; i < 2 * ANONYMOUS_CAPACITY && status != 429; i++) {
                status = get(proxy, "/api/rate-probe", "X-Forwarded-For", chain).statusCode();
            }
            assertEquals(429, status, "the caller's bucket ran dry");
            // A token trickles back every 300 ms: a fresh bucket would admit all five, the caller's admits one at most.
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                if (get(proxy, "/api/rate-probe", "Forwarded", "for=198.51.100.7;proto=https").statusCode() == 429) {
                    refused++;
                }
            }
            assertTrue(refused >= 4, "the same caller through an RFC 7239 proxy is refused too (" + refused + " of 5)");
            assertEquals(404, get(proxy, "/api/rate-probe", "X-Forwarded-For", "198.51.100.7, 198.51.100.8")
                    .statusCode(), "another caller behind the same proxy has its own bucket");
            assertEquals(404, get(stranger, "/api/rate-probe", "X-Forwarded-For", "198.51.100.7").statusCode(),
                    "a peer that is no trusted proxy cannot claim someone else's address");
        } finally {
            proxy.close();
            stranger.close();
        }
    }

    @Test
    void theForwardingHeadersAreReadFromTheRightSkippingTrustedHops() {
        TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "2001:db8::/32"));
        assertEquals(List.of("192.0.2.60", "2001:db8:cafe::17", "unknown"), TrustedProxies.forwardedElements(List.of(
                "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\"", "for=unknown")));
        assertEquals(List.of("203.0.113.9", "198.51.100.7"), TrustedProxies.forwardedFor(List.of("203.0.113.9 , 198.51.100.7:443")));
        assertTrue(proxies.isTrusted("10.1.2.3"));
        assertTrue(proxies.isTrusted("2001:db8:1::1"));
        assertTrue(!proxies.isTrusted("11.0.0.1"));
        assertTrue(!proxies.isTrusted("not-an-address"));
        assertTrue(!proxies.isTrusted("10.0.0.999"));
        assertThrowsIllegal(() -> TrustedProxies.of(List.of("10.0.0.0/33")));
        assertThrowsIllegal(() -> TrustedProxies.of(List.of("proxy.example.com")));
    }

    @Test
    void eachOfSeveralGatewayReplicasEnforcesItsShareOfTheLimit() {
        GatewayConfig.RateLimit.Limit limit = limit(10, 10, Duration.ofSeconds(1));
        io.github.bucket4j.Bucket share = RateLimiter.bucketFor(limit, 2);
        assertEquals(5, share.getAvailableTokens(), "half the burst on each of two replicas");
        io.github.bucket4j.Bucket whole = RateLimiter.bucketFor(limit, 1);
        assertEquals(10, whole.getAvailableTokens());
    }

    private static void assertThrowsIllegal(Runnable action) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected IllegalArgumentException");
    }

    private static GatewayConfig.RateLimit.Limit limit(long capacity, long refill, Duration period) {
        return new GatewayConfig.RateLimit.Limit() {
            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long refillTokens() {
                return refill;
            }

            @Override
            public Duration refillPeriod() {
                return period;
            }
        };
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
        return get(client, uri, null, null);
    }

    private static HttpClientResponse get(HttpClient client, String uri, String header, String value) throws Exception {
        CompletableFuture<HttpClientResponse> done = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> client.request(HttpMethod.GET, uri)
                .compose(request -> {
                    if (header != null) {
                        request.putHeader(header, value);
                    }
                    return request.send();
                })
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
