package jp.kyodo.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class OpenApiEndpointTest {

    @Test
    void servesTheMergedDocumentKeptInTheRepository() throws IOException {
        JsonNode kept;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/openapi.yaml")) {
            kept = OpenApiDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String served = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("info.title", equalTo(OpenApiMerger.TITLE))
                .body("servers[0].url", equalTo("/"))
                .extract().asString();
        JsonNode servedDocument = OpenApiDocuments.parse(served);
        assertEquals(names(kept.path("paths")), names(servedDocument.path("paths")));
        assertEquals(names(kept.path("components").path("schemas")),
                names(servedDocument.path("components").path("schemas")));
    }

    @Test
    void swaggerUiIsIncluded() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void healthAndMetrics() {
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/proposals/metrics-probe").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("uri=\"/api/proposals/*\""));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
