package jp.kyodo.gateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jp.kyodo.gateway.support.GatewayTestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RequestIdTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void generatedWhenAbsentAndTheSameUpstreamAndBack() {
        Response response = given().get("/api/directory/organizations");
        response.then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        String returned = response.header("X-Request-Id");
        response.then().body("headers.'x-request-id'", equalTo(List.of(returned)));
    }

    @Test
    void keptWhenTheCallerSentASaneOne() {
        String id = "partner-42:batch/7#1";
        given().header("X-Request-Id", id)
                .get("/api/proposals")
                .then().statusCode(200)
                .header("X-Request-Id", id)
                .body("headers.'x-request-id'", equalTo(List.of(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "has space", "tab\there" })
    void replacedWhenNotVisibleAscii(String id) {
        given().header("X-Request-Id", id)
                .get("/api/proposals")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .body("headers.'x-request-id'[0]", matchesPattern(UUID));
    }

    @Test
    void replacedWhenLongerThan128() {
        given().header("X-Request-Id", "a".repeat(129))
                .get("/api/proposals")
                .then().header("X-Request-Id", matchesPattern(UUID));
        given().header("X-Request-Id", "a".repeat(128))
                .get("/api/proposals")
                .then().header("X-Request-Id", "a".repeat(128));
    }

    @Test
    void onGatewayErrorsToo() {
        given().header("X-Request-Id", "rid-401")
                .post("/api/proposals")
                .then().statusCode(401).header("X-Request-Id", "rid-401").body("requestId", equalTo("rid-401"));
        given().header("X-Request-Id", "rid-404")
                .get("/api/nowhere")
                .then().statusCode(404).header("X-Request-Id", "rid-404").body("requestId", equalTo("rid-404"));
        given().get("/q/health")
                .then().statusCode(200).header("X-Request-Id", not(equalTo(null)));
    }
}
