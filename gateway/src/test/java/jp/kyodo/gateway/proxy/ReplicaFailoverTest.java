package jp.kyodo.gateway.proxy;

import static io.restassured.RestAssured.given;
import static jp.kyodo.gateway.support.EchoUpstreams.REPLICA_A;
import static jp.kyodo.gateway.support.EchoUpstreams.REPLICA_B;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

/**
 * The proposals stand-in runs as two replicas. Requests are spread over both; when replica a drops the connection of
 * a request without answering ({@code closeOn=a}: it died under it), a read or a write with an Idempotency-Key is
 * answered by replica b, and any other write gets the 502 (it may have taken effect on a).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ReplicaFailoverTest {

    private static final String AREA = "/api/proposals/replica-test/";

    /**
     * A replica that dropped a connection is left out until its next health check passes (every 2 s by default):
     * each test starts once both serve again.
     */
    @BeforeEach
    void bothReplicasServe() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> answeredBy = new HashSet<>();
        while (answeredBy.size() < 2) {
            assertTrue(System.nanoTime() < deadline, "both replicas serve again; only " + answeredBy + " did");
            answeredBy.add(given().get(AREA + "probe").then().statusCode(200).extract().path("replica"));
            Thread.sleep(200);
        }
    }

    @Test
    void requestsAreSpreadOverTheReplicas() {
        Set<String> answeredBy = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            answeredBy.add(given().get(AREA + "spread-" + i).then().statusCode(200).extract().path("replica"));
        }
        assertEquals(Set.of(REPLICA_A, REPLICA_B), answeredBy);
    }

    @Test
    void aReadWhoseReplicaDiesUnderItIsAnsweredByTheOtherReplica() {
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String uri = AREA + "read-" + UUID.randomUUID() + "?closeOn=" + REPLICA_A;
            uris.add(uri);
            given().urlEncodingEnabled(false).get(uri).then().statusCode(200).body("replica", equalTo(REPLICA_B));
        }
        assertTrue(Upstreams.urisSeenByReplica("proposals", REPLICA_A).stream().anyMatch(uris::contains),
                "some of them went to replica a first");
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsSentAgainWithItsBody() {
        String token = Tokens.valid();
        List<String> uris = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String uri = AREA + "keyed-" + UUID.randomUUID() + "?closeOn=" + REPLICA_A;
            uris.add(uri);
            String body = "{\"title\":\"協働の提案 " + i + "\"}";
            given().urlEncodingEnabled(false).auth().oauth2(token).header("Idempotency-Key", "key-" + UUID.randomUUID())
                    .contentType("application/json").body(body).post(uri)
                    .then().statusCode(200)
                    .body("replica", equalTo(REPLICA_B))
                    .body("body", equalTo(body));
        }
        assertTrue(Upstreams.urisSeenByReplica("proposals", REPLICA_A).stream().anyMatch(uris::contains),
                "some of them went to replica a first");
    }

    @Test
    void aWriteWithoutAnIdempotencyKeyIsNotSentTwice() {
        String token = Tokens.valid();
        int badGateway = 0;
        for (int i = 0; i < 4; i++) {
            String uri = AREA + "unkeyed-" + UUID.randomUUID() + "?closeOn=" + REPLICA_A;
            Response answer = given().urlEncodingEnabled(false).auth().oauth2(token).contentType("application/json")
                    .body("{}").post(uri);
            if (answer.statusCode() == 502) {
                badGateway++;
                assertThat("the write that died on a never reached b", Upstreams.urisSeenByReplica("proposals", REPLICA_B),
                        not(hasItem(uri)));
                assertThat(Upstreams.urisSeenByReplica("proposals", REPLICA_A), hasItem(uri));
            } else {
                assertEquals(200, answer.statusCode());
                assertEquals(REPLICA_B, answer.path("replica"));
            }
        }
        assertTrue(badGateway > 0, "round-robin sent at least one of four to replica a");
    }
}
