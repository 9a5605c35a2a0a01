package jp.kyodo.gateway.tasks;

import static io.restassured.RestAssured.given;
import static jp.kyodo.gateway.support.ServiceFixtures.A_ACTIVE;
import static jp.kyodo.gateway.support.ServiceFixtures.A_AWAITING;
import static jp.kyodo.gateway.support.ServiceFixtures.A_TERMINATED;
import static jp.kyodo.gateway.support.ServiceFixtures.HANAKO;
import static jp.kyodo.gateway.support.ServiceFixtures.JIRO;
import static jp.kyodo.gateway.support.ServiceFixtures.ORG_DEPT;
import static jp.kyodo.gateway.support.ServiceFixtures.ORG_NPO;
import static jp.kyodo.gateway.support.ServiceFixtures.P_CONSULT;
import static jp.kyodo.gateway.support.ServiceFixtures.P_DRAFT;
import static jp.kyodo.gateway.support.ServiceFixtures.P_SCREEN_OPEN;
import static jp.kyodo.gateway.support.ServiceFixtures.ROUND_OPEN;
import static jp.kyodo.gateway.support.ServiceFixtures.TARO;
import static jp.kyodo.gateway.support.ServiceFixtures.YUKI;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jp.kyodo.gateway.support.GatewayTestProfile;
import jp.kyodo.gateway.support.Tokens;
import jp.kyodo.gateway.support.Upstreams;

/**
 * "My tasks" against the service stand-ins (fixtures in {@code src/test/resources/fixtures}): hanako represents an
 * NPO, taro signs for a city department, yuki reviews proposals, jiro has nothing to do here.
 */
@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class MyTasksTest {

    @AfterEach
    void evaluationsDownAgain() {
        Upstreams.switchEvaluations("refuse");
    }

    @Test
    void anonymousCallersHaveNoTaskList() {
        given().get("/api/me/tasks")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"))
                .body("requestId", not(equalTo(null)));
    }

    @Test
    void theNposRepresentativeSeesWhatAwaitsHerAcrossTheServices() {
        Upstreams.bringEvaluationsUp();
        String token = Tokens.person(HANAKO, "partner");
        String requestId = "tasks-" + UUID.randomUUID();
        JsonPath answer = given().auth().oauth2(token).header("X-Request-Id", requestId)
                .get("/api/me/tasks")
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", requestId)
                .header("Cache-Control", "no-store")
                .body("complete", is(true))
                .body("unavailable", empty())
                .extract().jsonPath();

        List<String> expected = new ArrayList<>(List.of(
                // the draft answering a theme is due when the theme's window closes; it comes first
                "REVISE_PROPOSAL /api/proposals/" + P_DRAFT,
                "SIGN_AGREEMENT /api/agreements/" + A_AWAITING + "/versions/2",
                "SUBMIT_SELF_ASSESSMENT /api/evaluations/rounds/" + ROUND_OPEN + " 2026"));
        // FY2024's report is filed; every later fiscal year of the term that is over is due.
        for (int year = 2025; year <= 2026; year++) {
            if (LocalDate.now(ZoneId.of("Asia/Tokyo")).isAfter(LocalDate.of(year + 1, 3, 31))) {
                expected.add("FILE_COST_REPORT /api/agreements/" + A_ACTIVE + "/cost-reports " + year);
            }
        }
        expected.add("REVISE_PROPOSAL /api/proposals/" + P_CONSULT);
        assertEquals(expected, summaries(answer));

        Map<String, Object> draft = answer.getMap("tasks[0]");
        assertEquals("2026-12-25T14:59:59Z", draft.get("dueAt"));
        assertEquals("2026-12-25", draft.get("dueOn"));
        assertEquals("Finish and submit the draft proposal “子ども食堂ネットワークづくり”", draft.get("title"));
        Map<String, Object> sign = answer.getMap("tasks[1]");
        assertEquals(ORG_NPO, sign.get("organizationId"));
        assertEquals("Sign version 2 of the agreement “災害時の物資供給に関する協定” for NPO法人みどりの会", sign.get("title"));
        assertEquals(ORG_NPO, answer.getString("tasks[2].organizationId"));

        // Her own organisations came from the directory's list, both pages of it; the agreement that ended years ago
        // was not looked into; every read carried her token and the request id.
        List<Map<String, Object>> directory = Upstreams.requestsSeenBy("directory", requestId);
        assertThat(uris(directory), contains("/api/directory/organizations?limit=100",
                "/api/directory/organizations?limit=100&cursor=cGFnZTI"));
        Upstreams.requestsSeenBy("agreements", requestId).forEach(request ->
                assertThat(String.valueOf(request.get("uri")), not(containsString(A_TERMINATED + "/"))));
        for (String service : List.of("directory", "proposals", "agreements", "evaluations")) {
            List<Map<String, Object>> seen = Upstreams.requestsSeenBy(service, requestId);
            assertThat(service, seen, not(empty()));
            seen.forEach(request -> assertEquals("Bearer " + token, request.get("authorization"), request.toString()));
        }
    }

    @Test
    void aDepartmentSignatorySignsForTheDepartmentAndSeesOverdueMilestones() {
        Upstreams.bringEvaluationsUp();
        String requestId = "tasks-" + UUID.randomUUID();
        JsonPath answer = given().auth().oauth2(Tokens.person(TARO, "city-staff")).header("X-Request-Id", requestId)
                .get("/api/me/tasks")
                .then().statusCode(200)
                .body("complete", is(true))
                .extract().jsonPath();
        // The department has already submitted its self-assessment: no task for that.
        assertEquals(List.of(
                "MILESTONE_OVERDUE /api/agreements/" + A_ACTIVE,
                "SIGN_AGREEMENT /api/agreements/" + A_AWAITING + "/versions/2"), summaries(answer));
        assertEquals("2026-10-31", answer.getString("tasks[0].dueOn"));
        assertEquals("2026-10-31T15:00:00Z", answer.getString("tasks[0].dueAt"));
        assertEquals(ORG_DEPT, answer.getString("tasks[1].organizationId"));

        // Staff read the whole directory, so the department's members were looked up - once for the whole answer.
        List<Object> lookups = uris(Upstreams.requestsSeenBy("directory", requestId));
        assertEquals(1, lookups.stream().filter(("/api/directory/organizations/" + ORG_DEPT + "/members")::equals).count(),
                lookups.toString());
    }

    @Test
    void aReviewerIsAskedToScoreWhatTheyHaveNotScored() {
        given().auth().oauth2(Tokens.person(YUKI, "reviewer", "coordinator"))
                .get("/api/me/tasks")
                .then().statusCode(200)
                .body("tasks", hasSize(1))
                .body("tasks[0].kind", equalTo("SCORE_PROPOSAL"))
                .body("tasks[0].link", equalTo("/api/proposals/" + P_SCREEN_OPEN + "/screening"))
                .body("tasks[0].title", equalTo("Score the proposal “高齢者の買い物支援”"))
                .body("tasks[0]", not(hasKey("dueAt")));
    }

    @Test
    void someoneWithNothingToDoGetsAnEmptyCompleteList() {
        Upstreams.bringEvaluationsUp();
        given().auth().oauth2(Tokens.person(JIRO, "partner"))
                .get("/api/me/tasks")
                .then().statusCode(200)
                .body("complete", is(true))
                .body("tasks", empty());
    }

    @Test
    void aServiceDownYieldsThePartialListMarkedAsSuch() {
        Upstreams.switchEvaluations("refuse");
        given().auth().oauth2(Tokens.person(HANAKO, "partner"))
                .get("/api/me/tasks")
                .then().statusCode(200)
                .body("complete", is(false))
                .body("unavailable", contains("SUBMIT_SELF_ASSESSMENT"))
                .body("details[0].link", equalTo("/api/evaluations"))
                .body("tasks.kind", hasItem("SIGN_AGREEMENT"))
                .body("tasks.kind", not(hasItem("SUBMIT_SELF_ASSESSMENT")));
    }

    @Test
    void titlesInJapanese() {
        given().auth().oauth2(Tokens.person(YUKI, "reviewer", "coordinator")).header("Accept-Language", "ja")
                .get("/api/me/tasks")
                .then().statusCode(200)
                .header("Content-Language", "ja")
                .body("tasks[0].title", equalTo("提案「高齢者の買い物支援」を採点する"))
                .body("tasks[0].link", startsWith("/api/proposals/"));
    }

    /** "KIND link [fiscalYear]" of each task, in the order given. */
    private static List<String> summaries(JsonPath answer) {
        List<Map<String, Object>> tasks = answer.getList("tasks");
        return tasks.stream().map(t -> t.get("kind") + " " + t.get("link")
                + (t.get("fiscalYear") == null ? "" : " " + t.get("fiscalYear"))).toList();
    }

    private static List<Object> uris(List<Map<String, Object>> seen) {
        return seen.stream().map(r -> r.get("uri")).toList();
    }
}
