package jp.kyodo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class RoutingTest {

    @ParameterizedTest
    @CsvSource({
            "/api/directory/organizations,                      directory",
            "/api/proposals,                                    proposals",
            "/api/proposals/,                                   proposals",
            "/api/proposals/themes,                             proposals",
            "/api/agreements/7f1c/costs,                        agreements",
            "/api/notifications/me/tasks,                       notifications",
    })
    void eachAreaReachesItsService(String path, String upstream) {
        given().get(path)
                .then().statusCode(200)
                .header("X-Echo-Upstream", upstream)
                .body("upstream", equalTo(upstream))
                .body("uri", equalTo(path));
    }

    @Test
    void pathAndQueryArriveExactlyAsSent() {
        String uri = "/api/proposals/x?y=1&z=a%20b&z=%E5%8D%94%E5%83%8D&empty=&flag";
        // URL encoding off: the URI goes out exactly as written, so what arrives upstream can be compared.
        given().urlEncodingEnabled(false)
                .get(uri)
                .then().statusCode(200)
                .body("uri", equalTo(uri))
                .body("path", equalTo("/api/proposals/x"))
                .body("query", equalTo("y=1&z=a%20b&z=%E5%8D%94%E5%83%8D&empty=&flag"));
    }

    @Test
    void encodedPathSegmentsAreNotDecoded() {
        String uri = "/api/directory/organizations/a%2Fb/members?q=%E5%B8%82";
        given().urlEncodingEnabled(false).get(uri)
                .then().statusCode(200)
                .body("uri", equalTo(uri));
    }

    @Test
    void requestBodyAndHeadersStreamThroughUnchanged() {
        String body = "{\"title\":\"公園の花壇づくり\",\"padding\":\"" + "x".repeat(256 * 1024) + "\"}";
        given().auth().oauth2(Tokens.valid())
                .contentType("application/json; charset=UTF-8")
                .header("If-Match", "\"3\"")
                .header("Idempotency-Key", "k-123")
                .body(body)
                .post("/api/proposals/themes/1/proposals")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("body", equalTo(body))
                .body("headers.'content-type'[0]", equalTo("application/json; charset=UTF-8"))
                .body("headers.'if-match'[0]", equalTo("\"3\""))
                .body("headers.'idempotency-key'[0]", equalTo("k-123"));
    }

    @Test
    void upstreamStatusAndHeadersComeBack() {
        given().get("/api/directory/organizations?status=201")
                .then().statusCode(201)
                .header("X-Echo-Upstream", "directory")
                .contentType(startsWith("application/json"));
    }

    @Test
    void callersHostIsKeptSoServicesLinkToTheGateway() {
        given().header("Host", "kyodo.example.jp")
                .get("/api/directory/organizations")
                .then().statusCode(200)
                .body("headers.host[0]", equalTo("kyodo.example.jp"));
    }

    @Test
    void headAndOptionsAreForwarded() {
        given().head("/api/proposals/themes").then().statusCode(200).header("X-Echo-Upstream", "proposals");
        given().options("/api/proposals/themes").then().statusCode(200).body("method", equalTo("OPTIONS"));
    }

    @Test
    void theUpstreamRecordsWhatReachedIt() {
        // Guards the "never reached the service" assertions elsewhere: the record does see real calls.
        String path = "/api/agreements/" + UUID.randomUUID();
        given().get(path).then().statusCode(200);
        assertThat(Upstreams.urisSeenBy("agreements"), hasItem(path));
    }

    @Test
    void areaNamesMatchWholeSegmentsOnly() {
        String marker = "/api/proposalsX/" + UUID.randomUUID();
        given().get(marker)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:not-found"));
        assertThat(Upstreams.urisSeenBy("proposals"), not(hasItem(marker)));
    }

    @Test
    void unknownAreaIsAProblem404() {
        given().get("/api/unknown/thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("requestId", not(nullValue()));
    }
}
