package jp.kyodo.gateway.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    /**
     * Every request a stand-in has received: {@code method}, {@code uri}, {@code requestId}, {@code authorization}
     * and {@code receivedAt} (epoch ms). For evaluations, those it received while up.
     */
    public static List<Map<String, Object>> requestsSeenBy(String upstream) {
        String url = EchoUpstreams.DOWN.equals(upstream) ? evaluationsControl() + "/seen"
                : ConfigProvider.getConfig().getValue("kyodo.gateway.upstream." + upstream, String.class) + "/__seen";
        return given().get(url).then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The requests a stand-in received under one request id: what one call of the gateway caused. */
    public static List<Map<String, Object>> requestsSeenBy(String upstream, String requestId) {
        return requestsSeenBy(upstream).stream().filter(r -> requestId.equals(r.get("requestId"))).toList();
    }

    /**
     * Brings the evaluations stand-in up and waits until the gateway reaches it, i.e. its circuit breaker (possibly
     * left open by tests of the service being down) has let a trial through and closed.
     */
    public static void bringEvaluationsUp() {
        switchEvaluations("up");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (given().get("/api/evaluations/items").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway does not reach the evaluations stand-in");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
