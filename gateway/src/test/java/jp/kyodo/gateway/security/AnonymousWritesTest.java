package jp.kyodo.gateway.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
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
    void onlyTheListedWriteGoesThroughWithoutATokenWithinItsQuotaAndSize() throws Exception {
        given().contentType("application/json").body("{\"body\":\"x\"}").post("/api/proposals/public-comments").then()
                .statusCode(401);
        given().contentType("application/json").body("{\"body\":\"x\"}").post(COMMENTS + "/extra").then()
                .statusCode(401);
        given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(200)
                .header("X-Echo-Upstream", "proposals");
        given().contentType("application/json").body("{\"body\":\"" + "あ".repeat(12_000) + "\"}").post(COMMENTS).then()
                .statusCode(413).contentType(containsString("application/problem+json"));
        // A body of unknown length (sent chunked) is not admitted without a token.
        assertEquals(411, chunkedPost(COMMENTS, "{\"body\":\"意見\"}"));
        for (int i = 0; i < 2; i++) {
            given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(200);
        }
        // Five for the address within the hour, whatever became of them; the sixth waits.
        given().contentType("application/json").body("{\"body\":\"意見\"}").post(COMMENTS).then().statusCode(429)
                .header("Retry-After", not(equalTo(null)));
    }

    /** Java's own client sends a body of unknown length chunked, without Content-Length. */
    private static int chunkedPost(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anHtmlDocumentUnderApiGetsAPolicyThatLetsItRenderWithoutScripts() {
        given().queryParam("respondHeader", "Content-Type:text/html; charset=UTF-8").get("/api/proposals").then()
                .statusCode(200).header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
    }
}
