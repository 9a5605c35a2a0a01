package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class TokenCheckTest {

    @Test
    void validTokenPassesAndArrivesUnchanged() {
        String token = Tokens.valid();
        given().auth().oauth2(token)
                .contentType("application/json").body("{}")
                .post("/api/proposals")
                .then().statusCode(200)
                .body("upstream", equalTo("proposals"))
                .body("headers.authorization[0]", equalTo("Bearer " + token));
    }

    static Stream<Arguments> invalidTokens() {
        return Stream.of(
                Arguments.of("expired", (Supplier<String>) Tokens::expired),
                Arguments.of("wrong issuer", (Supplier<String>) Tokens::wrongIssuer),
                Arguments.of("wrong audience", (Supplier<String>) Tokens::wrongAudience),
                Arguments.of("tampered signature", (Supplier<String>) Tokens::tamperedSignature),
                Arguments.of("signed with a foreign key", (Supplier<String>) Tokens::foreignKey),
                Arguments.of("alg none", (Supplier<String>) Tokens::unsigned),
                Arguments.of("opaque (never introspected)", (Supplier<String>) () -> "alice"));
    }

    @ParameterizedTest(name = "{0} -> 401 before any upstream call")
    @MethodSource("invalidTokens")
    void invalidTokenIsRefusedAtTheEdge(String why, Supplier<String> token) {
        String path = "/api/proposals/" + UUID.randomUUID();
        given().auth().oauth2(token.get())
                .header("X-Request-Id", "bad-token-1")
                .get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .header("X-Request-Id", "bad-token-1")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"))
                .body("title", equalTo("Authentication required"))
                .body("status", equalTo(401))
                .body("detail", not(nullValue()))
                .body("requestId", equalTo("bad-token-1"));
        assertThat(Upstreams.urisSeenBy("proposals"), not(hasItem(path)));
    }

    @Test
    void invalidTokenOnAWriteIsRefusedToo() {
        String path = "/api/agreements/" + UUID.randomUUID();
        given().auth().oauth2(Tokens.expired())
                .contentType("application/json").body("{}")
                .put(path)
                .then().statusCode(401)
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"));
        assertThat(Upstreams.urisSeenBy("agreements"), not(hasItem(path)));
    }

    @Test
    void invalidTokenMessageInJapanese() {
        given().auth().oauth2(Tokens.expired())
                .header("Accept-Language", "ja")
                .get("/api/directory/organizations")
                .then().statusCode(401)
                .header("Content-Language", "ja")
                .body("title", equalTo("認証が必要です"))
                .body("detail", containsString("アクセストークンが無効です"));
    }

    @Test
    void anonymousReadPassesWithoutAuthorization() {
        given().get("/api/directory/organizations")
                .then().statusCode(200)
                .body("upstream", equalTo("directory"))
                .body("headers.authorization", nullValue());
    }

    @ParameterizedTest(name = "anonymous {0} -> 401 without reaching the service")
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void anonymousWriteIsRefusedAtTheEdge(String method) {
        String path = "/api/agreements/" + UUID.randomUUID();
        given().contentType("application/json").body("{\"amount\":1000}")
                .request(method, path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"))
                .body("detail", containsString("requires a bearer token"));
        assertThat(Upstreams.urisSeenBy("agreements"), not(hasItem(path)));
    }

    @Test
    void anonymousWriteMessageInJapanese() {
        given().header("Accept-Language", "ja,en;q=0.5")
                .post("/api/proposals")
                .then().statusCode(401)
                .body("detail", containsString("アクセストークンが必要です"));
    }

    @Test
    void nonBearerCredentialsDoNotCountForWrites() {
        given().auth().preemptive().basic("alice", "secret")
                .post("/api/proposals")
                .then().statusCode(401);
    }
}
