package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;

/**
 * The one write admitted without a token (a public comment), through its allow-list, with its own per-address quota
 * and body limit; and the policy that lets an HTML document served under /api render.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AnonymousWritesTest {

    static final String COMMENTS = "/api/proposals/public-comments/0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f/comments";

    @Test
    void onlyTheListedWriteGoesThroughWithoutATokenWithinItsQuotaAndSize() {
        given().contentType("application/json").body("{\"body\":\"x\"}").post("/api/proposals/public-comments").then()
                .statusCode(401);
        given().contentType("application/json").body("{\"body\":\"x\"}").post(COMMENTS + "/extra").then()
                .statusCode(401);
        given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(200)
                .header("X-Echo-Upstream", "proposals");
        given().contentType("application/json").body("{\"body\":\"" + "あ".repeat(12_000) + "\"}").post(COMMENTS).then()
                .statusCode(413).contentType(containsString("application/problem+json"));
        // A body of unknown length is not admitted without a token.
        given().contentType("application/json")
                .body(new ByteArrayInputStream("{\"body\":\"意見\"}".getBytes(StandardCharsets.UTF_8)))
                .header("Transfer-Encoding", "chunked").post(COMMENTS).then().statusCode(411)
                .body("type", equalTo("urn:kyodo:problem:length-required"));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(200);
        }
        // Five for the address within the hour, whatever became of them; the sixth waits.
        given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(429)
                .header("Retry-After", not(equalTo(null)));
    }

    @Test
    void anHtmlDocumentUnderApiGetsAPolicyThatLetsItRenderWithoutScripts() {
        given().queryParam("respondHeader", "Content-Type:text/html; charset=UTF-8").get("/api/proposals").then()
                .statusCode(200).header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }
}
