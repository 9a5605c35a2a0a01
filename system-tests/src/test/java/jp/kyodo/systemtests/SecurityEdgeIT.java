package jp.kyodo.systemtests;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * Token edge cases, the rate limit and a service going down, through the gateway with real Keycloak tokens. The test
 * identities (users, clients) are made with Keycloak's admin API for this class only, so that nothing here uses up a
 * demo user's rate-limit bucket or changes a realm client other tests rely on.
 *
 * <p>Runs last in the run (class {@link Order} with the class orderer of junit-platform.properties) because it stops
 * the evaluation service for a while; {@link #aStoppedServiceGets503QuicklyWhileOthersWorkAndRecovers()} is its last
 * test and starts the service again even when it fails.
 */
@ExtendWith(SystemUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class SecurityEdgeIT {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** A client whose access tokens live 5 seconds (with the kyodo-api audience, like kyodo-cli). */
    private static final String SHORT_LIVED_CLIENT = "edge-short-lived-tokens";
    /** A client of the same realm without the audience mapper: its tokens are not meant for the API. */
    private static final String NO_AUDIENCE_CLIENT = "edge-no-api-audience";
    private static final String EDGE_USER = "edge-citizen";
    private static final String BURST_USER = "edge-burst";
    private static final String BYSTANDER_USER = "edge-bystander";

    /** Needs a valid token: 200 with one, 401 without (a read that is not public). */
    private static final String SIGNED_IN_READ = "/api/proposals";

    @Test
    @Order(1)
    void anExpiredTokenIsRefusedWith401() {
        KeycloakAdmin.ensureUser(EDGE_USER, "citizen");
        KeycloakAdmin.ensurePasswordClient(SHORT_LIVED_CLIENT, true, 5);
        // The token works while it is valid (fetched again if this slow machine took too long to use it).
        String token = null;
        for (int attempt = 0; attempt < 3 && token == null; attempt++) {
            KeycloakAdmin.TokenResponse fresh = KeycloakAdmin.passwordToken(SHORT_LIVED_CLIENT, EDGE_USER);
            assertTrue(fresh.expiresInSeconds() <= 5, "the client's token lifespan is 5 s, got " + fresh.expiresInSeconds());
            int status = bearer(fresh.accessToken()).get(SIGNED_IN_READ).then().extract().statusCode();
            if (status == 200) {
                token = fresh.accessToken();
            }
        }
        assertNotNull(token, "a fresh 5-second token was not accepted within its lifetime");
        long exp = Tokens.claims(token).path("exp").asLong();
        assertTrue(Tokens.audiences(Tokens.claims(token)).contains(KeycloakAdmin.API_AUDIENCE));

        // After it expires the same token is refused, on reads and writes (polled: a clock-skew allowance may apply).
        sleepUntil(Instant.ofEpochSecond(exp).plusSeconds(1));
        String expired = token;
        Instant refusedAt = Eventually.await("the expired token is refused", Duration.ofSeconds(90), () -> {
            int status = bearer(expired).get(SIGNED_IN_READ).then().extract().statusCode();
            return status == 401 ? java.util.Optional.of(Instant.now()) : java.util.Optional.empty();
        });
        System.out.printf("expired token refused %d s after its exp%n",
                Duration.between(Instant.ofEpochSecond(exp), refusedAt).toSeconds());
        assertRefused(expired);
    }

    @Test
    @Order(2)
    void aTokenWithoutTheApiAudienceIsRefusedWith401() {
        KeycloakAdmin.ensureUser(EDGE_USER, "citizen");
        KeycloakAdmin.ensurePasswordClient(NO_AUDIENCE_CLIENT, false, null);
        String token = KeycloakAdmin.passwordToken(NO_AUDIENCE_CLIENT, EDGE_USER).accessToken();
        JsonNode claims = Tokens.claims(token);
        assertEquals(SystemUnderTest.issuerUrl(), claims.path("iss").asText(), "a real token of the kyodo realm");
        assertFalse(Tokens.audiences(claims).contains(KeycloakAdmin.API_AUDIENCE), "aud: " + claims.path("aud"));
        assertRefused(token);
        // Control: the same person through kyodo-cli (audience kyodo-api) is let in, at the gateway and at the service.
        bearer(SystemUnderTest.tokenFor(EDGE_USER)).get(SIGNED_IN_READ).then().statusCode(200);
        given().baseUri(SystemUnderTest.serviceUrl(ServiceSpec.PROPOSALS)).accept("application/json")
                .header("Authorization", "Bearer " + SystemUnderTest.tokenFor(EDGE_USER)).get(SIGNED_IN_READ).then()
                .statusCode(200);
    }

    @Test
    @Order(3)
    void aTokenWithATamperedSignatureIsRefusedWith401() {
        KeycloakAdmin.ensureUser(EDGE_USER, "citizen");
        String token = KeycloakAdmin.passwordToken(SystemUnderTest.CLI_CLIENT, EDGE_USER).accessToken();
        bearer(token).get(SIGNED_IN_READ).then().statusCode(200);
        String[] parts = token.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        assertRefused(tampered);
        // Claims changed under the real signature: refused as well.
        JsonNode claims = Tokens.claims(token);
        String elevated = claims.toString().replace("\"citizen\"", "\"admin\"");
        String forged = parts[0] + "." + b64(elevated) + "." + parts[2];
        assertRefused(forged);
    }

    @Test
    @Order(4)
    void anUnsignedAlgNoneTokenIsRefusedWith401() {
        KeycloakAdmin.ensureUser(EDGE_USER, "citizen");
        String token = KeycloakAdmin.passwordToken(SystemUnderTest.CLI_CLIENT, EDGE_USER).accessToken();
        String[] parts = token.split("\\.");
        // Real, current claims of the realm; header alg none, empty signature.
        assertRefused(b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        assertRefused(b64("{\"alg\":\"none\"}") + "." + parts[1]);
        assertRefused(b64("{\"alg\":\"NONE\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
    }

    @Test
    @Order(5)
    void aBurstOverTheLimitGets429WithRetryAfterWhileAnotherUserIsUnaffected() throws Exception {
        KeycloakAdmin.ensureUser(BURST_USER, "citizen");
        KeycloakAdmin.ensureUser(BYSTANDER_USER, "citizen");
        String burstToken = KeycloakAdmin.passwordToken(SystemUnderTest.CLI_CLIENT, BURST_USER).accessToken();
        String bystanderToken = KeycloakAdmin.passwordToken(SystemUnderTest.CLI_CLIENT, BYSTANDER_USER).accessToken();
        // 200 requests at once from one client (gateway default: bucket of 50, 20 more per second); a cheap route.
        URI target = URI.create(SystemUnderTest.gatewayUrl() + "/api/evaluations/items");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            burst.add(http.sendAsync(HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + burstToken).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        // Meanwhile another user is served normally.
        List<Integer> bystander = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bystander.add(bearer(bystanderToken).get("/api/evaluations/items").then().extract().statusCode());
        }
        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get();
        int ok = 0;
        int limited = 0;
        HttpResponse<String> firstLimited = null;
        for (CompletableFuture<HttpResponse<String>> f : burst) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) {
                ok++;
            } else if (r.statusCode() == 429) {
                limited++;
                if (firstLimited == null) {
                    firstLimited = r;
                }
            } else {
                throw new AssertionError("a burst request answered " + r.statusCode() + ": " + r.body());
            }
        }
        bystander.add(bearer(bystanderToken).get("/api/evaluations/items").then().extract().statusCode());
        System.out.printf("rate limit: burst of 200 -> %d served, %d refused with 429; bystander %s%n", ok, limited,
                bystander);
        assertTrue(limited > 0, "no request of the burst was limited (" + ok + " served)");
        assertTrue(ok >= 1, "the burst's first requests are within the limit and served");
        String retryAfter = firstLimited.headers().firstValue("Retry-After").orElse(null);
        assertNotNull(retryAfter, "429 without Retry-After");
        assertTrue(Long.parseLong(retryAfter.trim()) >= 1, "Retry-After in whole seconds: " + retryAfter);
        assertTrue(firstLimited.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM_JSON));
        assertTrue(firstLimited.body().contains("urn:kyodo:problem:too-many-requests"), firstLimited.body());
        assertEquals(List.of(200, 200, 200, 200, 200, 200), bystander, "another user is not limited by this one's burst");
    }

    /** Last test of the run: the evaluation service goes down and comes back. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aStoppedServiceGets503QuicklyWhileOthersWorkAndRecovers() {
        KeycloakAdmin.ensureUser(EDGE_USER, "citizen");
        String token = KeycloakAdmin.passwordToken(SystemUnderTest.CLI_CLIENT, EDGE_USER).accessToken();
        Stack stack = SystemUnderTest.stack();
        bearer(token).get("/api/evaluations/items").then().statusCode(200);
        long slowest = 0;
        try {
            stack.stop(ServiceSpec.EVALUATIONS);
            assertFalse(stack.isRunning(ServiceSpec.EVALUATIONS));
            // More calls than the breaker's threshold: each is a quick 503 problem+json, before and after it opens.
            for (String path : List.of("/api/evaluations/items", "/api/evaluations", "/api/evaluations/published",
                    "/api/evaluations/items", "/api/evaluations/statistics", "/api/evaluations/items",
                    "/api/evaluations/items")) {
                long started = System.nanoTime();
                ExtractableResponse<Response> r = bearer(token).get(path).then().extract();
                long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                assertEquals(503, r.statusCode(), path + " with the evaluation service down: " + r.asString());
                assertTrue(r.contentType().startsWith(PROBLEM_JSON), r.contentType());
                assertEquals("urn:kyodo:problem:upstream-unavailable", r.path("type"), r.asString());
                assertTrue(millis < 2000, path + " took " + millis + " ms to answer 503");
                slowest = Math.max(slowest, millis);
                // The other services' routes keep working meanwhile.
                bearer(token).get("/api/proposals/themes").then().statusCode(200);
                Gateway.anonymous().get("/api/agreements/public").then().statusCode(200);
            }
            Gateway.anonymous().body(Map.of()).post("/api/evaluations/" + java.util.UUID.randomUUID() + "/rounds").then()
                    .statusCode(401).contentType(startsWith(PROBLEM_JSON));
        } finally {
            if (!stack.isRunning(ServiceSpec.EVALUATIONS)) {
                stack.start(ServiceSpec.EVALUATIONS);
            }
        }
        // Back: once the breaker's cool-down lets a trial request through, the routes answer again.
        Instant restarted = Instant.now();
        Eventually.until("the gateway serves /api/evaluations again", Duration.ofSeconds(90),
                () -> bearer(token).get("/api/evaluations/items").then().extract().statusCode() == 200);
        System.out.printf("upstream down: 503 problem+json in at most %d ms; served again %d s after the restart%n",
                slowest, Duration.between(restarted, Instant.now()).toSeconds());
        bearer(token).get("/api/evaluations").then().statusCode(200);
        Gateway.anonymous().get("/api/evaluations/published").then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Refused at the gateway with 401 problem+json on a signed-in read and on a write; and by a service called
     * directly, which validates the token again (defence in depth behind the gateway).
     */
    private static void assertRefused(String token) {
        given().baseUri(SystemUnderTest.serviceUrl(ServiceSpec.PROPOSALS)).accept("application/json")
                .header("Authorization", "Bearer " + token).get(SIGNED_IN_READ).then().statusCode(401);
        bearer(token).get(SIGNED_IN_READ).then().statusCode(401).contentType(startsWith(PROBLEM_JSON))
                .header("WWW-Authenticate", startsWith("Bearer"));
        bearer(token).body(Kyodo.organization("CIVIC_GROUP", "期限切れの会", "きげんぎれのかい", null, List.of("OTHER")))
                .post("/api/directory/organizations").then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
        // A public read with a bad token is refused too: the token is checked whenever it is sent.
        bearer(token).get("/api/proposals/themes").then().statusCode(401);
    }

    private static RequestSpecification bearer(String token) {
        return Gateway.anonymous().header("Authorization", "Bearer " + token);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sleepUntil(Instant when) {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
