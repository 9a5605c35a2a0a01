package jp.kyodo.systemtests;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests through the gateway, the only door the system has for clients, as a demo user or anonymously. Tokens are
 * fetched from Keycloak once per user and reused while they are valid.
 */
public final class Gateway {

    private record CachedToken(String value, Instant fetched) {
    }

    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static final Duration REUSE = Duration.ofMinutes(10);
    public static final String PARTNER_SYSTEM = "partner-system";

    private Gateway() {
    }

    /** A request as the demo user (e.g. "staff1"), or as the partner system with {@link #PARTNER_SYSTEM}. */
    public static RequestSpecification as(String username) {
        return anonymous().auth().oauth2(token(username));
    }

    public static RequestSpecification anonymous() {
        return given().baseUri(SystemUnderTest.gatewayUrl()).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static String token(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached == null || cached.fetched().plus(REUSE).isBefore(Instant.now())
                || expiresAt(cached.value()).isBefore(Instant.now().plusSeconds(120))) {
            String value = PARTNER_SYSTEM.equals(username) ? SystemUnderTest.clientCredentialsToken()
                    : SystemUnderTest.tokenFor(username);
            cached = new CachedToken(value, Instant.now());
            TOKENS.put(username, cached);
        }
        return cached.value();
    }

    /** The token's {@code exp}: the identity provider may end a token before its usual lifespan (its session's end). */
    private static Instant expiresAt(String jwt) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            return Instant.ofEpochSecond(new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload)
                    .path("exp").asLong());
        } catch (java.io.IOException | RuntimeException e) {
            return Instant.EPOCH; // unreadable: fetch a new one
        }
    }
}
