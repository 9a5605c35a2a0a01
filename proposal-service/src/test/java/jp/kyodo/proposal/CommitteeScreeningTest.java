package jp.kyodo.proposal;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A screening drawn from a committee: members score, one declares a conflict, the decision is refused at a meeting
 * below the quorum and taken at one that meets it, from the scores of the members present without a conflict.
 */
@QuarkusTest
class CommitteeScreeningTest extends ProposalTestSupport {

    static final String EXPERT = "expert-" + java.util.UUID.randomUUID();

    static Map<String, Object> member(String subject, String role) {
        return Map.of("subject", subject, "role", role, "category", "EXPERT", "termStart",
                LocalDate.now().minusDays(30).toString(), "termEnd", LocalDate.now().plusYears(1).toString());
    }

    @Test
    void aDeclaredConflictExcludesTheMemberAndCanLeaveTheMeetingBelowQuorum() {
        Fixture f = proposalInConsultation();
        String committee = staff(STAFF1).body(Map.of("actingFor", f.department(), "name", "協働事業審査委員会", "kind",
                "SCREENING", "members", List.of(member(REVIEWER1, "CHAIR"), member(REVIEWER2, "MEMBER"),
                        member(EXPERT, "MEMBER"))))
                .post("/api/proposals/committees").then().statusCode(201).body("quorumToday", equalTo(2))
                .extract().path("id");
        String base = "/api/proposals/committees/" + committee;
        // Only the secretariat calls meetings; a member cannot.
        reviewer(REVIEWER1).body(Map.of("actingFor", f.department(), "title", "第1回", "scheduledAt",
                Instant.now().toString(), "agenda", List.of(Map.of("title", "審査", "proposalIds", List.of(f.id())))))
                .post(base + "/meetings").then().statusCode(403);

        staff(STAFF1).header("If-Match", "*").body(Map.of("actingFor", f.department(), "committeeId", committee))
                .post("/api/proposals/" + f.id() + "/screening").then().statusCode(200)
                .body("reviewers", containsInAnyOrder(REVIEWER1, REVIEWER2, EXPERT))
                .body("committeeId", equalTo(committee));

        reviewer(REVIEWER2).body(Map.of("proposalId", f.id(), "reason", "提案団体の理事を務めている"))
                .post(base + "/conflict-declarations").then().statusCode(201);
        reviewer(REVIEWER2).body(scores(4)).post("/api/proposals/" + f.id() + "/scores").then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:conflict-of-interest"));
        reviewer(REVIEWER1).body(scores(5)).post("/api/proposals/" + f.id() + "/scores").then().statusCode(201);
        as(EXPERT, "reviewer").body(scores(3)).post("/api/proposals/" + f.id() + "/scores").then().statusCode(201);

        // REVIEWER1 and REVIEWER2 attend; REVIEWER2 does not count: one of the two needed.
        String first = meeting(f, base, "第1回");
        String etag = staff(STAFF1).get(base + "/meetings/" + first).then().statusCode(200).extract().header("ETag");
        staff(STAFF1).body(Map.of("actingFor", f.department(), "present", List.of(REVIEWER1, REVIEWER2)))
                .put(base + "/meetings/" + first + "/attendance").then().statusCode(428);
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", f.department(), "present",
                List.of(REVIEWER1, REVIEWER2))).put(base + "/meetings/" + first + "/attendance").then()
                .statusCode(200).body("status", equalTo("HELD"));
        staff(STAFF1).header("If-Match", "*").body(decision(f, null)).post("/api/proposals/" + f.id() + "/decision").then().statusCode(400);
        staff(STAFF1).header("If-Match", "*").body(decision(f, first)).post("/api/proposals/" + f.id() + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:quorum-not-met")).body("quorum", equalTo(2))
                .body("countedMembers", equalTo(1));

        String second = meeting(f, base, "第2回");
        staff(STAFF1).header("If-Match", "*").body(Map.of("actingFor", f.department(), "present",
                List.of(REVIEWER1, REVIEWER2, EXPERT))).put(base + "/meetings/" + second + "/attendance").then()
                .statusCode(200);
        staff(STAFF1).header("If-Match", "*").body(decision(f, second)).post("/api/proposals/" + f.id() + "/decision").then().statusCode(200)
                .body("status", equalTo("ADOPTED"));
        // The result counts REVIEWER1 (5) and the expert (3), not the conflicted member.
        staff(STAFF1).get("/api/proposals/" + f.id() + "/screening-result").then().statusCode(200)
                .body("reviewerCount", equalTo(2)).body("weightedMean", equalTo(4.0f));
    }

    @Test
    void membersAreCheckedAndOnlyTheSecretariatAppoints() {
        java.util.UUID department = department(STAFF1);
        staff(STAFF1).body(Map.of("actingFor", department, "name", "懇話会", "kind", "COUNCIL", "quorum", 3,
                "members", List.of(member(REVIEWER1, "CHAIR"), member(REVIEWER1, "MEMBER"))))
                .post("/api/proposals/committees").then().statusCode(400);
        staff(SIGNER1).body(Map.of("actingFor", department, "name", "懇話会", "kind", "COUNCIL",
                "members", List.of(member(REVIEWER1, "CHAIR")))).post("/api/proposals/committees").then()
                .statusCode(403);
        String committee = staff(STAFF1).body(Map.of("actingFor", department, "name", "懇話会", "kind", "COUNCIL",
                "members", List.of(member(REVIEWER1, "CHAIR")))).post("/api/proposals/committees").then()
                .statusCode(201).extract().path("id");
        reviewer(REVIEWER1).get("/api/proposals/committees/" + committee).then().statusCode(200);
        reviewer(REVIEWER2).get("/api/proposals/committees/" + committee).then().statusCode(403);
        partner(PARTNER1).get("/api/proposals/committees/" + committee).then().statusCode(403);
        anonymous().get("/api/proposals/committees/" + committee).then().statusCode(401);
    }

    private static String meeting(Fixture f, String base, String title) {
        return staff(STAFF1).body(Map.of("actingFor", f.department(), "title", title, "scheduledAt",
                Instant.now().minus(1, ChronoUnit.HOURS).toString(), "agenda",
                List.of(Map.of("title", "提案の審査", "proposalIds", List.of(f.id()))))).post(base + "/meetings").then()
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> decision(Fixture f, String meeting) {
        return meeting == null ? Map.of("actingFor", f.department(), "outcome", "ADOPTED", "rationale", "公益性が高い")
                : Map.of("actingFor", f.department(), "outcome", "ADOPTED", "rationale", "公益性が高い", "meetingId", meeting);
    }

    private static Map<String, Object> scores(int score) {
        return Map.of("scores", List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS").stream()
                .map(c -> Map.of("criterion", c, "score", score, "comment", "審査"))
                .toList());
    }
}
