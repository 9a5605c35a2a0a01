package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.platform.tokens.CachedTokenIdentityProvider;

/** The edge checks a token's signature once and remembers it; a token that fails is never remembered. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class TokenCacheTest {

    @Inject
    CachedTokenIdentityProvider tokens;

    @Test
    void aVerifiedTokenIsRememberedAndServesTheNextRequests() {
        String token = Tokens.valid();
        assertFalse(tokens.remembers(token));
        given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(200);
        assertTrue(tokens.remembers(token), "verified once, remembered");
        given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(200)
                .body("headers.authorization[0]", equalTo("Bearer " + token));
    }

    @Test
    void aTokenThatFailsVerificationIsRefusedEveryTimeAndNeverRemembered() {
        for (String token : new String[] { Tokens.tamperedSignature(), Tokens.expired(), Tokens.foreignKey(),
                Tokens.wrongAudience() }) {
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).get("/api/directory/organizations").then().statusCode(401);
            }
            assertFalse(tokens.remembers(token));
        }
    }
}
