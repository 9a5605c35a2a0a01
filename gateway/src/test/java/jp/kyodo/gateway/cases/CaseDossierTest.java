package jp.kyodo.gateway.cases;

import static io.restassured.RestAssured.given;
import static jp.kyodo.gateway.support.ServiceFixtures.A_ACTIVE;
import static jp.kyodo.gateway.support.ServiceFixtures.A_OF_BROKEN_PROPOSAL;
import static jp.kyodo.gateway.support.ServiceFixtures.HANAKO;
import static jp.kyodo.gateway.support.ServiceFixtures.JIRO;
import static jp.kyodo.gateway.support.ServiceFixtures.PARALLEL_DELAY_MILLIS;
import static jp.kyodo.gateway.support.ServiceFixtures.PLAN;
import static jp.kyodo.gateway.support.ServiceFixtures.P_ADOPTED;
import static jp.kyodo.gateway.support.ServiceFixtures.P_BROKEN_AGREEMENTS;
import static jp.kyodo.gateway.support.ServiceFixtures.P_DRAFT;
import static jp.kyodo.gateway.support.ServiceFixtures.P_PROPOSAL_BROKEN;
import static jp.kyodo.gateway.support.ServiceFixtures.P_PROPOSAL_DOWN;
import static jp.kyodo.gateway.support.ServiceFixtures.P_SLOW_AGREEMENTS;
import static jp.kyodo.gateway.support.ServiceFixtures.P_SLOW_PROPOSAL;
import static jp.kyodo.gateway.support.ServiceFixtures.P_UNKNOWN;
import static jp.kyodo.gateway.support.ServiceFixtures.ROUND_OPEN;
import static jp.kyodo.gateway.support.ServiceFixtures.ROUND_PUBLISHED;
import static jp.kyodo.gateway.support.ServiceFixtures.SLOW_MILLIS;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.json.JsonObject;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.ServiceFixtures;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

/**
 * The case dossier against the service stand-ins: each answers as its service would for the caller whose token it
 * receives (fixtures in {@code src/test/resources/fixtures}).
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class CaseDossierTest {

    @AfterEach
    void evaluationsDownAgain() {
        // The other tests expect the evaluations stand-in to be down.
        Upstreams.switchEvaluations("refuse");
    }

    @Test
    void aPartyGetsTheWholeCaseEachPartReadWithItsOwnTokenAndTheRequestId() {
        Upstreams.bringEvaluationsUp();
        String token = Tokens.person(HANAKO, "partner");
        String requestId = newRequestId();
        String body = as(token).header("X-Request-Id", requestId)
                .get("/api/cases/" + P_ADOPTED)
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", requestId)
                .header("Cache-Control", "no-store")
                .body("proposalId", equalTo(P_ADOPTED))
                .body("complete", is(true))
                .body("withheld", empty())
                .body("unavailable", empty())
                .body("details", empty())
                .body("proposal.title", equalTo("里山の竹林再生プロジェクト"))
                .body("agreements", hasSize(1))
                .body("agreements[0].evaluationPlans", hasSize(1))
                .body("agreements[0].evaluationPlans[0].plan.id", equalTo(PLAN))
                .body("agreements[0].evaluationPlans[0].rounds.round.id", contains(ROUND_PUBLISHED, ROUND_OPEN))
                .extract().asString();

        // Each part is what its service answered, unchanged.
        JsonObject dossier = new JsonObject(body);
        assertEquals(ServiceFixtures.json("proposal-adopted.json"), dossier.getJsonObject("proposal"));
        JsonObject entry = dossier.getJsonArray("agreements").getJsonObject(0);
        assertEquals(ServiceFixtures.json("agreement-active.json"), entry.getJsonObject("agreement"));
        JsonObject planEntry = entry.getJsonArray("evaluationPlans").getJsonObject(0);
        assertEquals(ServiceFixtures.json("plan.json"), planEntry.getJsonObject("plan"));
        assertEquals(ServiceFixtures.json("round-published.json"), planEntry.getJsonArray("rounds").getJsonObject(0));

        // Every call carried the caller's token and the request id.
        List<Map<String, Object>> proposals = Upstreams.requestsSeenBy("proposals", requestId);
        List<Map<String, Object>> agreements = Upstreams.requestsSeenBy("agreements", requestId);
        List<Map<String, Object>> evaluations = Upstreams.requestsSeenBy("evaluations", requestId);
        assertThat(uris(proposals), contains("/api/proposals/" + P_ADOPTED));
        assertThat(uris(agreements), contains("/api/agreements?proposalId=" + P_ADOPTED + "&limit=100"));
        assertThat(evaluations, hasSize(4));
        for (List<Map<String, Object>> seen : List.of(proposals, agreements, evaluations)) {
            seen.forEach(request -> assertEquals("Bearer " + token, request.get("authorization"), request.toString()));
        }
    }

    @Test
    void sealedScoresStaySealedThePartIsPassedOnAsTheEvaluationServiceShowsIt() {
        Upstreams.bringEvaluationsUp();
        String requestId = newRequestId();
        JsonObject dossier = new JsonObject(as(Tokens.person(HANAKO, "partner")).header("X-Request-Id", requestId)
                .get("/api/cases/" + P_ADOPTED)
                .then().statusCode(200).extract().asString());

        // The department has submitted, the NPO not yet: the NPO's representative sees that, without the scores.
        JsonObject openRound = dossier.getJsonArray("agreements").getJsonObject(0).getJsonArray("evaluationPlans")
                .getJsonObject(0).getJsonArray("rounds").getJsonObject(1);
        assertEquals(ServiceFixtures.json("round-open-seen-by-partner.json"), openRound);
        JsonObject department = openRound.getJsonArray("parties").getJsonObject(0);
        assertTrue(department.getBoolean("submitted"));
        assertTrue(department.getBoolean("sealed"));
        assertFalse(department.containsKey("project"));
        assertFalse(department.containsKey("collaboration"));

        // Nothing else was asked of the evaluation service (no self-assessment, review or published-result reads).
        assertThat(uris(Upstreams.requestsSeenBy("evaluations", requestId)), containsInAnyOrder(
                "/api/evaluations?agreementId=" + A_ACTIVE + "&limit=100",
                "/api/evaluations/" + PLAN + "/rounds?limit=100",
                "/api/evaluations/rounds/" + ROUND_PUBLISHED,
                "/api/evaluations/rounds/" + ROUND_OPEN));
    }

    @Test
    void theProposalAndItsAgreementsAreReadAtTheSameTime() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId)
                .get("/api/cases/" + P_SLOW_PROPOSAL)
                .then().statusCode(200)
                .body("complete", is(true))
                .body("proposal.id", equalTo(P_SLOW_PROPOSAL))
                .body("agreements", empty());
        long proposalAsked = receivedAt(Upstreams.requestsSeenBy("proposals", requestId));
        long agreementsAsked = receivedAt(Upstreams.requestsSeenBy("agreements", requestId));
        assertTrue(agreementsAsked < proposalAsked + PARALLEL_DELAY_MILLIS,
                "the agreements were asked for only after the proposal had answered (" + (agreementsAsked - proposalAsked)
                        + " ms later)");
    }

    @Test
    void anAnonymousCallerGetsThePublicProposalTheAgreementsAreWithheldNotAnError() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId)
                .get("/api/cases/" + P_ADOPTED)
                .then().statusCode(200)
                .body("complete", is(true))
                .body("proposal.id", equalTo(P_ADOPTED))
                .body("$", not(hasKey("agreements")))
                .body("withheld", contains("agreements"))
                .body("unavailable", empty())
                .body("details[0].part", equalTo("agreements"))
                .body("details[0].outcome", equalTo("withheld"))
                .body("details[0].status", equalTo(401))
                .body("details[0].link", equalTo("/api/agreements?proposalId=" + P_ADOPTED));
        Upstreams.requestsSeenBy("proposals", requestId)
                .forEach(request -> assertEquals(null, request.get("authorization"), "an anonymous call stays anonymous"));
        assertThat(Upstreams.requestsSeenBy("evaluations", requestId), empty());
    }

    @ParameterizedTest(name = "{0} on {1} -> 404")
    @CsvSource({
            "jiro,      " + P_DRAFT,
            "anonymous, " + P_DRAFT,
            "hanako,    " + P_UNKNOWN,
    })
    void aProposalTheCallerMayNotSeeOrThatDoesNotExistIs404(String who, String proposalId) {
        String requestId = newRequestId();
        RequestSpecification request = "anonymous".equals(who) ? given()
                : as(Tokens.person(who, JIRO.equals(who) || HANAKO.equals(who) ? "partner" : "citizen"));
        request.header("X-Request-Id", requestId)
                .get("/api/cases/" + proposalId)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", requestId)
                .body("type", equalTo("urn:kyodo:problem:not-found"))
                .body("status", equalTo(404))
                .body("detail", containsString(proposalId))
                .body("requestId", equalTo(requestId))
                .body("$", not(hasKey("proposal")));
    }

    @Test
    void notAProposalIdIs404WithoutAskingAnyService() {
        String requestId = newRequestId();
        given().header("X-Request-Id", requestId).header("Accept-Language", "ja")
                .get("/api/cases/not-a-proposal")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("Content-Language", "ja")
                .body("title", equalTo("見つかりません"))
                .body("detail", containsString("閲覧する権限がありません"));
        assertThat(Upstreams.requestsSeenBy("proposals", requestId), empty());
        assertThat(Upstreams.requestsSeenBy("agreements", requestId), empty());
    }

    @Test
    void aSlowServiceYieldsAPartialDossierInTimeNeverAHang() {
        long started = System.nanoTime();
        given().auth().oauth2(Tokens.person(HANAKO, "partner"))
                .get("/api/cases/" + P_SLOW_AGREEMENTS)
                .then().statusCode(200)
                .time(lessThan(SLOW_MILLIS), TimeUnit.MILLISECONDS)
                .body("complete", is(false))
                .body("unavailable", contains("agreements"))
                .body("proposal.id", equalTo(P_SLOW_AGREEMENTS))
                .body("$", not(hasKey("agreements")))
                .body("details[0].reason", equalTo("timeout"));
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(took >= GatewayTestProfile.AGGREGATE_CALL_TIMEOUT_MILLIS, "answered after " + took + " ms");
    }

    @Test
    void aFailingServiceYieldsAPartialDossier() {
        given().auth().oauth2(Tokens.person(HANAKO, "partner"))
                .get("/api/cases/" + P_BROKEN_AGREEMENTS)
                .then().statusCode(200)
                .body("complete", is(false))
                .body("unavailable", contains("agreements"))
                .body("details[0].reason", equalTo("bad-answer"))
                .body("details[0].status", equalTo(500))
                .body("proposal.id", equalTo(P_BROKEN_AGREEMENTS));
    }

    @Test
    void evaluationsDownTheProposalAndAgreementsAreStillThere() {
        Upstreams.switchEvaluations("refuse");
        given().auth().oauth2(Tokens.person(HANAKO, "partner"))
                .get("/api/cases/" + P_ADOPTED)
                .then().statusCode(200)
                .time(lessThan(2000L), TimeUnit.MILLISECONDS)
                .body("complete", is(false))
                .body("unavailable", contains("evaluations"))
                .body("withheld", empty())
                .body("proposal.id", equalTo(P_ADOPTED))
                .body("agreements[0].agreement.id", equalTo(A_ACTIVE))
                .body("agreements[0]", not(hasKey("evaluationPlans")))
                .body("details[0].reason", oneOf("unreachable", "circuit-open"));
    }

    @Test
    void theProposalUnavailableWithNothingElseToShowIsTheServicesFailure() {
        given().get("/api/cases/" + P_PROPOSAL_DOWN)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:upstream-unavailable"))
                .body("detail", containsString("proposals"));
    }

    @Test
    void theProposalUnavailableButAnAgreementVisibleIsAPartialDossier() {
        given().auth().oauth2(Tokens.person(HANAKO, "partner"))
                .get("/api/cases/" + P_PROPOSAL_BROKEN)
                .then().statusCode(200)
                .body("complete", is(false))
                .body("unavailable", hasItem("proposal"))
                .body("$", not(hasKey("proposal")))
                .body("agreements[0].agreement.id", equalTo(A_OF_BROKEN_PROPOSAL));
    }

    @Test
    void aBadTokenIsRefusedAtTheEdgeBeforeAnyServiceIsAsked() {
        String requestId = newRequestId();
        given().auth().oauth2(Tokens.expired()).header("X-Request-Id", requestId)
                .get("/api/cases/" + P_ADOPTED)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"));
        assertThat(Upstreams.requestsSeenBy("proposals", requestId), empty());
        assertThat(Upstreams.requestsSeenBy("agreements", requestId), empty());
    }

    @Test
    void onlyGet() {
        given().auth().oauth2(Tokens.person(HANAKO, "partner")).contentType("application/json").body("{}")
                .post("/api/cases/" + P_ADOPTED)
                .then().statusCode(405)
                .header("Allow", "GET")
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:method-not-allowed"));
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    private static String newRequestId() {
        return "case-" + UUID.randomUUID();
    }

    private static List<Object> uris(List<Map<String, Object>> seen) {
        return seen.stream().map(r -> r.get("uri")).toList();
    }

    private static long receivedAt(List<Map<String, Object>> seen) {
        assertThat(seen, hasSize(1));
        return ((Number) seen.get(0).get("receivedAt")).longValue();
    }
}
