package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jp.kyodo.gateway.support.GatewayTestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class SecurityHeadersTest {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void onProxiedResponses() {
        hardened(given().get("/api/directory/organizations").then().statusCode(200).header("X-Echo-Upstream", "directory"))
                .header("Content-Security-Policy", API_POLICY);
    }

    @Test
    void aServiceCannotWeakenThem() {
        hardened(given()
                .queryParam("respondHeader", "X-Frame-Options:SAMEORIGIN")
                .queryParam("respondHeader", "Content-Security-Policy:default-src *")
                .get("/api/proposals")
                .then().statusCode(200))
                .header("Content-Security-Policy", API_POLICY);
    }

    @Test
    void documentsGetAPolicyThatLetsThemRenderAndNothingRun() {
        for (String type : new String[] { "text/html;charset=UTF-8", "application/pdf" }) {
            given().queryParam("respondHeader", "Content-Type:" + type)
                    .get("/api/agreements/" + java.util.UUID.randomUUID() + "/versions/1/document")
                    .then().statusCode(200)
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "SAMEORIGIN")
                    .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Content-Security-Policy", not(containsString("script-src")));
        }
    }

    @Test
    void onTheGatewaysOwnErrors() {
        hardened(given().get("/api/nowhere").then().statusCode(404)).header("Content-Security-Policy", API_POLICY);
        hardened(given().post("/api/proposals").then().statusCode(401));
        hardened(given().auth().oauth2("not-a-token").get("/api/proposals").then().statusCode(401));
        hardened(given().get("/api/evaluations").then().statusCode(503));
    }

    @Test
    void onInfrastructureEndpoints() {
        hardened(given().get("/q/health").then().statusCode(200)).header("Content-Security-Policy", API_POLICY);
        hardened(given().get("/q/openapi").then().statusCode(200)).header("Content-Security-Policy", API_POLICY);
    }

    @Test
    void swaggerUiGetsAPolicyItCanRunUnder() {
        String page = hardened(given().get("/q/swagger-ui/").then().statusCode(200))
                .header("Content-Security-Policy", not(equalTo(API_POLICY)))
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", containsString("connect-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract().asString();
        // The page's own scripts and styles are same-origin, and it loads the document from /q/openapi.
        for (String asset : new String[] { "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css" }) {
            org.junit.jupiter.api.Assertions.assertTrue(page.contains("src=\"" + asset + "\"") || page.contains("href=\"" + asset + "\""),
                    asset + " is referenced relative to the page");
            hardened(given().get("/q/swagger-ui/" + asset).then().statusCode(200))
                    .header("Content-Security-Policy", containsString("'self'"));
        }
    }

    private static ValidatableResponse hardened(ValidatableResponse response) {
        return response
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", "max-age=31536000")
                .header("Content-Security-Policy", not(equalTo(null)));
    }
}
