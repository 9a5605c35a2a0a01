package jp.kyodo.gateway.asyncapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;

/** The gateway serves the event catalogue as a static resource, to anyone, as it is kept in the repository. */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class AsyncApiEndpointTest {

    @Test
    void servesTheCatalogueWithoutLogin() throws IOException {
        String kept;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/asyncapi.yaml")) {
            kept = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] served = given().get("/asyncapi.yaml").then().statusCode(200).extract().asByteArray();
        assertEquals(kept, new String(served, StandardCharsets.UTF_8));
    }
}
