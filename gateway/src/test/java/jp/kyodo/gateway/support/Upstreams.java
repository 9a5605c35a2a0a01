package jp.kyodo.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** Asks an echo upstream directly (not through the gateway) what it has received. */
public final class Upstreams {

    private Upstreams() {
    }

    public static List<String> urisSeenBy(String upstream) {
        String base = ConfigProvider.getConfig().getValue("kyodo.gateway.upstream." + upstream, String.class);
        return given().get(base + "/__seen").then().statusCode(200).extract().jsonPath().getList("uri");
    }
}
