package jp.kyodo.gateway.support;

import static io.restassured.RestAssured.given;

import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

/** Asks an echo upstream directly (not through the gateway) what it has received. */
public final class Upstreams {

    private Upstreams() {
    }

    /** Switches the evaluations stand-in: "refuse" (down, the default), "hang" (accepts, never answers) or "up". */
    public static void switchEvaluations(String mode) {
        given().post(evaluationsControl() + "/mode?to=" + mode).then().statusCode(204);
    }

    /** Connections the evaluations stand-in has accepted so far. */
    public static int evaluationsConnections() {
        return given().get(evaluationsControl() + "/stats").then().statusCode(200).extract().path("connections");
    }

    /** Requests the evaluations stand-in has answered so far. */
    public static int evaluationsRequests() {
        return given().get(evaluationsControl() + "/stats").then().statusCode(200).extract().path("requests");
    }

    private static String evaluationsControl() {
        return ConfigProvider.getConfig().getValue(EchoUpstreams.DOWN_CONTROL_KEY, String.class);
    }

    public static List<String> urisSeenBy(String upstream) {
        String base = ConfigProvider.getConfig().getValue("kyodo.gateway.upstream." + upstream, String.class);
        return given().get(base + "/__seen").then().statusCode(200).extract().jsonPath().getList("uri");
    }
}
