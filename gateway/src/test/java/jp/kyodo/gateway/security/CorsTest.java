package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CorsTest {

    private static final String REQUESTED_HEADERS =
            "authorization,content-type,if-match,idempotency-key,x-request-id,accept-language";

    @ParameterizedTest
    @ValueSource(strings = { "http://localhost:5173", "http://127.0.0.1:5173" })
    void preflightFromTheFrontEndIsAnsweredAtTheEdge(String origin) {
        String path = "/api/proposals/" + UUID.randomUUID();
        given().header("Origin", origin)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", REQUESTED_HEADERS)
                .options(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", allOf(
                        containsStringIgnoringCase("Authorization"), containsStringIgnoringCase("Content-Type"),
                        containsStringIgnoringCase("If-Match"), containsStringIgnoringCase("Idempotency-Key"),
                        containsStringIgnoringCase("X-Request-Id"), containsStringIgnoringCase("Accept-Language")))
                .header("Access-Control-Max-Age", "3600")
                .header("Access-Control-Allow-Credentials", "false")
                .header("Vary", containsStringIgnoringCase("Origin"));
        assertThat("a preflight is not forwarded", Upstreams.urisSeenBy("proposals"), not(hasItem(path)));
    }

    @Test
    void scriptsOfTheFrontEndMayReadTheGatewaysHeaders() {
        given().header("Origin", "http://localhost:5173")
                .auth().oauth2(Tokens.valid())
                .contentType("application/json").body("{}")
                .post("/api/proposals")
                .then().statusCode(200)
                .body("upstream", equalTo("proposals"))
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("X-Request-Id"), containsString("Retry-After")))
                .header("Vary", containsStringIgnoringCase("Origin"));
    }

    @Test
    void gatewayProblemsCarryCorsHeadersToo() {
        given().header("Origin", "http://localhost:5173")
                .post("/api/proposals")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }

    @Test
    void aServicesOwnCorsHeadersAreDropped() {
        given().header("Origin", "http://localhost:5173")
                .queryParam("respondHeader", "Access-Control-Allow-Origin:*")
                .queryParam("respondHeader", "Access-Control-Allow-Credentials:true")
                .get("/api/directory/organizations")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Credentials", "false");
        Response withoutOrigin = given().queryParam("respondHeader", "Access-Control-Allow-Origin:*")
                .get("/api/directory/organizations");
        withoutOrigin.then().statusCode(200);
        assertThat(corsHeaders(withoutOrigin), empty());
    }

    @Test
    void preflightFromAnotherOriginGetsNoCorsHeaders() {
        String path = "/api/proposals/" + UUID.randomUUID();
        Response response = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", REQUESTED_HEADERS)
                .options(path);
        response.then().statusCode(403);
        assertThat(corsHeaders(response), empty());
        assertThat(Upstreams.urisSeenBy("proposals"), not(hasItem(path)));
    }

    @Test
    void requestFromAnotherOriginIsRefusedWithoutCorsHeaders() {
        String path = "/api/directory/organizations/" + UUID.randomUUID();
        Response response = given().header("Origin", "http://localhost:5174").get(path);
        response.then().statusCode(403).header("X-Request-Id", not(nullValue()));
        assertThat(corsHeaders(response), empty());
        assertThat(Upstreams.urisSeenBy("directory"), not(hasItem(path)));
    }

    @Test
    void withoutOriginThereIsNoCors() {
        Response response = given().get("/api/directory/organizations");
        response.then().statusCode(200);
        assertThat(corsHeaders(response), empty());
    }

    private static List<String> corsHeaders(Response response) {
        return response.headers().asList().stream()
                .map(Header::getName)
                .filter(name -> name.toLowerCase().startsWith("access-control-"))
                .toList();
    }
}
