package jp.kyodo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jp.kyodo.gateway.support.GatewayTestProfile;

/**
 * What the gateway answers itself, wherever the request goes and however it is malformed: a problem document with
 * the status, a stable type and the request id, never an HTML page, an empty body or a reset connection.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OwnAnswersTest {

    @TestHTTPResource("/")
    URI gateway;

    @ParameterizedTest
    @ValueSource(strings = { "/nowhere", "/q/nowhere", "/api", "/index.php", "/q/openapi/../../etc/passwd" })
    void pathsOutsideTheApiAre404Problems(String path) {
        problem(given().header("X-Request-Id", "own-404").urlEncodingEnabled(false).get(path).then(), 404,
                "urn:kyodo:problem:not-found").header("X-Request-Id", "own-404");
    }

    @Test
    void aMethodAPathDoesNotTakeIsA405ProblemThatSaysWhatItDoesTake() {
        problem(given().post("/q/openapi").then(), 405, "urn:kyodo:problem:method-not-allowed")
                .body("detail", containsString("POST")).header("Allow", containsString("GET"));
        problem(given().delete("/q/openapi").then(), 405, "urn:kyodo:problem:method-not-allowed");
        problem(given().put("/q/health").then(), 405, "urn:kyodo:problem:method-not-allowed");
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void anOverLongRequestLineIsA414Problem() {
        String query = "q=" + "あ".repeat(1400); // 4,200 characters once percent-encoded
        problem(given().urlEncodingEnabled(true).get("/api/proposals?" + query).then(), 414,
                "urn:kyodo:problem:uri-too-long");
        problem(given().urlEncodingEnabled(false).get("/api/proposals?q=" + "x".repeat(60_000)).then(), 414,
                "urn:kyodo:problem:uri-too-long");
        given().get("/api/proposals?q=" + "x".repeat(3_000)).then().statusCode(200);
    }

    @Test
    void oversizedHeadersAreA431ProblemEvenAt64KilobytesWithoutAResetConnection() throws Exception {
        for (int size : new int[] { 20_000, 64 * 1024, 100_000 }) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    gateway.resolve("/api/proposals")).header("X-Padding", "x".repeat(size)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode problem = new ObjectMapper().readTree(response.body());
            assertEquals(431, response.statusCode(), size + " bytes");
            assertEquals("application/problem+json",
                    response.headers().firstValue("Content-Type").orElse(""));
            assertEquals("urn:kyodo:problem:request-header-fields-too-large",
                    problem.path("type").asText());
            assertTrue(response.headers().firstValue("X-Request-Id").isPresent());
        }
        given().header("X-Padding", "x".repeat(8_000)).get("/api/proposals").then().statusCode(200);
    }

    private static ValidatableResponse problem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json")
                .body("type", equalTo(type)).body("status", equalTo(status)).body("title", notNullValue())
                .header("X-Request-Id", notNullValue());
    }
}
