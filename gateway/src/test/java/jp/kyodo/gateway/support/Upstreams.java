package jp.kyodo.gateway.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
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

    /** What every replica of the stand-in received (in replica order). */
    public static List<String> urisSeenBy(String upstream) {
        return requestsSeenBy(upstream).stream().map(r -> (String) r.get("uri")).toList();
    }

    /** What one replica ({@link EchoUpstreams#REPLICA_A}, ...) of a replicated stand-in received. */
    public static List<String> urisSeenByReplica(String upstream, String replica) {
        int index = List.of(EchoUpstreams.REPLICA_A, EchoUpstreams.REPLICA_B).indexOf(replica);
        return given().get(replicaUrls(upstream).get(index) + "/__seen").then().statusCode(200).extract().jsonPath()
                .getList("uri");
    }

    private static List<String> replicaUrls(String upstream) {
        return List.of(ConfigProvider.getConfig().getValue("kyodo.gateway.upstream." + upstream, String.class)
                .split(","));
    }

    /**
     * Every request a stand-in has received: {@code method}, {@code uri}, {@code requestId}, {@code authorization}
     * and {@code receivedAt} (epoch ms). For evaluations, those it received while up.
     */
    public static List<Map<String, Object>> requestsSeenBy(String upstream) {
        if (EchoUpstreams.DOWN.equals(upstream)) {
            return given().get(evaluationsControl() + "/seen").then().statusCode(200).extract().jsonPath().getList("$");
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        for (String url : replicaUrls(upstream)) {
            seen.addAll(given().get(url + "/__seen").then().statusCode(200).extract().jsonPath().getList("$"));
        }
        return seen;
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
