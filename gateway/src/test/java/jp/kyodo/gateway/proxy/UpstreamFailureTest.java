package jp.kyodo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UpstreamFailureTest {

    @Test
    void serviceDownIs503Quickly() {
        given().header("X-Request-Id", "down-1")
                .get("/api/evaluations?agreementId=1")
                .then().statusCode(503)
                .time(lessThan(2000L), TimeUnit.MILLISECONDS)
                .contentType("application/problem+json")
                .header("X-Request-Id", "down-1")
                .body("type", equalTo("urn:kyodo:problem:upstream-unavailable"))
                .body("status", equalTo(503))
                .body("title", equalTo("Service unavailable"))
                .body("detail", containsString("evaluations"))
                .body("requestId", equalTo("down-1"));
    }

    @Test
    void serviceDownWithABodyStillAnswers503() {
        given().auth().oauth2(Tokens.valid())
                .contentType("application/json").body("{\"score\":3}")
                .post("/api/evaluations/rounds")
                .then().statusCode(503)
                .time(lessThan(2000L), TimeUnit.MILLISECONDS);
    }

    @Test
    void serviceDownInJapanese() {
        given().header("Accept-Language", "ja-JP,ja;q=0.9,en;q=0.5")
                .get("/api/evaluations")
                .then().statusCode(503)
                .header("Content-Language", "ja")
                .body("title", equalTo("サービスを利用できません"))
                .body("detail", containsString("evaluations サービスに接続できません"));
    }

    @Test
    void slowServiceIs504AfterTheRouteTimeout() {
        long timeout = GatewayTestProfile.AGREEMENTS_TIMEOUT_MILLIS;
        long started = System.nanoTime();
        given().header("X-Request-Id", "slow-1")
                .get("/api/agreements/slow?delayMs=" + (timeout * 4))
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("X-Request-Id", "slow-1")
                .body("type", equalTo("urn:kyodo:problem:upstream-timeout"))
                .body("requestId", equalTo("slow-1"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(tookMillis >= timeout && tookMillis < timeout * 3,
                "504 should come after about " + timeout + " ms, took " + tookMillis);
    }

    @Test
    void answerWithinTheTimeoutPasses() {
        given().get("/api/agreements/quick?delayMs=100").then().statusCode(200);
    }

    @Test
    void connectionDroppedWithoutAnswerIs502() {
        given().get("/api/directory/organizations?close=1")
                .then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:bad-gateway"));
    }
}
