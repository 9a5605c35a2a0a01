package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;

/**
 * The gateway is the only door: a write without a token, or with a token the realm did not issue, is refused there
 * with 401 problem+json; a valid token of the wrong role reaches the service, which refuses it with 403.
 */
@ExtendWith(SystemUnderTest.class)
class GatewaySecurityIT {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** One write per service, each of which a suitable user could make. */
    private static final List<String[]> WRITES = List.of(
            new String[] {"/api/directory/organizations", "{\"type\":\"CIVIC_GROUP\",\"name\":\"x\",\"nameKana\":\"えっくす\"}"},
            new String[] {"/api/proposals/themes", "{}"},
            new String[] {"/api/agreements", "{}"},
            new String[] {"/api/evaluations/" + UUID.randomUUID() + "/rounds", "{\"kind\":\"FINAL\"}"});

    @Test
    void anAnonymousWriteIsRefusedWith401AtTheGatewayForEveryService() {
        for (String[] write : WRITES) {
            Gateway.anonymous().body(write[1]).post(write[0]).then()
                    .statusCode(401)
                    .contentType(startsWith(PROBLEM_JSON))
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        }
        // Reads of public records need no token.
        Gateway.anonymous().get("/api/directory/public/organizations").then().statusCode(200);
        Gateway.anonymous().get("/api/proposals/themes").then().statusCode(200);
        Gateway.anonymous().get("/api/agreements/public").then().statusCode(200);
        Gateway.anonymous().get("/api/evaluations/published").then().statusCode(200);
    }

    @Test
    void aValidTokenOfTheWrongRoleIsRefusedWith403ByTheService() {
        // An analyst does not register organisations.
        Gateway.as("analyst1").body(Kyodo.organization("CIVIC_GROUP", "分析の会", "ぶんせきのかい", null, List.of("OTHER")))
                .post("/api/directory/organizations").then()
                .statusCode(403).contentType(startsWith(PROBLEM_JSON));
        // Only city staff register a city department.
        Gateway.as("citizen1").body(Kyodo.organization("CITY_DEPARTMENT", "偽の課", "にせのか", null, List.of("OTHER")))
                .post("/api/directory/organizations").then()
                .statusCode(403).contentType(startsWith(PROBLEM_JSON));
        // A partner does not publish a city theme.
        UUID anyDepartment = UUID.randomUUID();
        Gateway.as("partner1").body(Kyodo.theme(anyDepartment, "テーマ", 2027, 1_000_000))
                .post("/api/proposals/themes").then()
                .statusCode(403).contentType(startsWith(PROBLEM_JSON));
        // Nor a citizen the audit trail of the directory.
        Gateway.as("citizen1").get("/api/directory/organizations/" + UUID.randomUUID() + "/audit-trail").then()
                .statusCode(403).contentType(startsWith(PROBLEM_JSON));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWith401EvenWithTheRightIssuerAndClaims() {
        String forged = ForgedTokens.selfSigned(SystemUnderTest.issuerUrl(), DemoUsers.ADMIN1, List.of("admin", "city-staff"));
        assertRefused(forged);
        String foreignIssuer = ForgedTokens.selfSigned("https://idp.example.org/realms/kyodo", DemoUsers.ADMIN1,
                List.of("admin"));
        assertRefused(foreignIssuer);
    }

    @Test
    void aRealTokenOfAnotherRealmIsRefusedWith401() {
        String masterIssuer = SystemUnderTest.keycloakUrl() + "/realms/master";
        String token = Tokens.password(masterIssuer, "admin-cli", "admin", "admin");
        JsonNode claims = Tokens.claims(token);
        assertEquals(masterIssuer, claims.path("iss").asText());
        assertNotEquals(SystemUnderTest.issuerUrl(), claims.path("iss").asText());
        assertRefused(token);
    }

    /** A token the realm did not issue is refused on a write and on a read, before reaching a service. */
    private static void assertRefused(String token) {
        for (String[] write : WRITES) {
            bearer(token).body(write[1]).post(write[0]).then()
                    .statusCode(401).contentType(startsWith(PROBLEM_JSON));
        }
        bearer(token).get("/api/directory/organizations").then().statusCode(401).contentType(startsWith(PROBLEM_JSON));
        bearer(token).get("/api/proposals/themes").then().statusCode(401);
    }

    private static RequestSpecification bearer(String token) {
        return Gateway.anonymous().header("Authorization", "Bearer " + token);
    }

    @Test
    void theValidTokenOfTheRightRoleGoesThrough() {
        // The positive control of the tests above: staff register an organisation through the gateway.
        String id = Kyodo.register("staff1", Kyodo.organization("COMMUNITY_ASSOCIATION", "本町一丁目自治会 " + Kyodo.tag(),
                "ほんちょういっちょうめじちかい", null, List.of("COMMUNITY_SAFETY"))).path("id");
        Gateway.as("staff1").get("/api/directory/organizations/" + id).then().statusCode(200)
                .body("type", equalTo("COMMUNITY_ASSOCIATION"));
    }
}
