package jp.kyodo.proposal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;

/** Who may read the people behind a proposal, who acts for a proposing organisation, and what a refusal reveals. */
@QuarkusTest
class AuthorisationRulesTest extends ProposalTestSupport {

    /** Adopted after one revision and REVIEWER1's scores; the NPO's members: PARTNER1 and REVIEWER2 (role reviewer). */
    private Fixture adoptedProposal() {
        UUID department = department(STAFF1);
        Map<String, MemberRole> members = new LinkedHashMap<>();
        members.put(PARTNER1, MemberRole.REPRESENTATIVE);
        members.put(REVIEWER2, MemberRole.MEMBER);
        UUID npo = organization(ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED, members);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));
        submit(PARTNER1, id, npo, true).then().statusCode(200);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", department)).post("/api/proposals/" + id + "/consultation").then()
                .statusCode(200);
        Map<String, Object> revised = proposalBody(npo, department, null, 90000);
        revised.put("revisionNote", "市の負担を見直し");
        String etag = partner(PARTNER1).get("/api/proposals/" + id).then().extract().header("ETag");
        partner(PARTNER1).header("If-Match", etag).body(revised).post("/api/proposals/" + id + "/versions").then()
                .statusCode(201);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", department, "reviewers", List.of(REVIEWER1)))
                .post("/api/proposals/" + id + "/screening").then().statusCode(200);
        reviewer(REVIEWER1).body(ScreeningAndDecisionTest.scores(4, 4)).post("/api/proposals/" + id + "/scores")
                .then().statusCode(201);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", department, "outcome", "ADOPTED", "rationale", "地域の担い手が育つ"))
                .post("/api/proposals/" + id + "/decision").then().statusCode(200);
        return new Fixture(id, npo, department);
    }

    @Test
    void thePublicReadsAnAdoptedProposalsScreeningAsCountsAndItsVersionsWithoutWhoPublishedThem() {
        Fixture f = adoptedProposal();
        for (RequestSpecification caller : List.of(anonymous(), as(CITIZEN1, "citizen"), partner(PARTNER2),
                as(ANALYST1, "analyst"))) {
            caller.get("/api/proposals/" + f.id() + "/screening").then().statusCode(200)
                    .body("$", not(hasKey("reviewers"))).body("committeeSize", equalTo(1))
                    .body("submittedCount", equalTo(1)).body(not(containsString(REVIEWER1)));
        }
        for (RequestSpecification caller : List.of(anonymous(), as(CITIZEN1, "citizen"), partner(PARTNER2),
                as(ANALYST1, "analyst"))) {
            caller.get("/api/proposals/" + f.id() + "/versions").then().statusCode(200)
                    .body("number", contains(1, 2)).body("note", contains("submitted", "市の負担を見直し"))
                    .body(not(containsString("publishedBy"))).body(not(containsString(PARTNER1)));
        }
        anonymous().get("/api/proposals/" + f.id() + "/versions/2").then().statusCode(200)
                .body("$", not(hasKey("publishedBy"))).body("content.title", equalTo("市民公園の協働管理"))
                .body(not(containsString(PARTNER1)));
    }

    @Test
    void thoseWhoWorkedOnAnAdoptedProposalStillSeeTheCommitteeAndWhoPublishedEachVersion() {
        Fixture f = adoptedProposal();
        for (RequestSpecification caller : List.of(partner(PARTNER1), staff(STAFF1), reviewer(REVIEWER1),
                as(COORDINATOR1, "coordinator"), as(ADMIN1, "admin"))) {
            caller.get("/api/proposals/" + f.id() + "/screening").then().statusCode(200)
                    .body("reviewers", contains(REVIEWER1)).body("committeeSize", equalTo(1));
        }
        staff(STAFF1).get("/api/proposals/" + f.id() + "/versions").then().statusCode(200)
                .body("publishedBy", contains(PARTNER1, PARTNER1));
        partner(PARTNER1).get("/api/proposals/" + f.id() + "/versions/1").then().statusCode(200)
                .body("publishedBy", equalTo(PARTNER1));
    }

    @Test
    void aMemberActsForTheNpoOnlyInAPartnerOrCitizenRole() {
        Map<String, MemberRole> members = new LinkedHashMap<>();
        members.put(PARTNER1, MemberRole.REPRESENTATIVE);
        members.put(REVIEWER2, MemberRole.MEMBER);
        members.put(CITIZEN1, MemberRole.MEMBER);
        UUID npo = organization(ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED, members);
        UUID department = department(STAFF1);
        Map<String, Object> body = proposalBody(npo, department, null, 100000);

        // Belonging is not enough: REVIEWER2 is a member, but only a reviewer.
        reviewer(REVIEWER2).body(body).post("/api/proposals").then().statusCode(403)
                .body("detail", containsString("partner, citizen"));
        as(ANALYST1, "analyst").body(body).post("/api/proposals").then().statusCode(403);
        // Nor is the role: PARTNER2 is a partner, but not a member.
        partner(PARTNER2).body(body).post("/api/proposals").then().statusCode(403);
        // Both: a member as partner or citizen.
        as(CITIZEN1, "citizen").body(body).post("/api/proposals").then().statusCode(201);
        String id = draft(PARTNER1, body);

        String etag = partner(PARTNER1).get("/api/proposals/" + id).then().extract().header("ETag");
        reviewer(REVIEWER2).header("If-Match", etag).body(body).put("/api/proposals/" + id).then().statusCode(403);
        reviewer(REVIEWER2).body(Map.of("actingFor", npo, "consentToCaseArchive", true))
                .post("/api/proposals/" + id + "/submission").then().statusCode(403);
        submit(PARTNER1, id, npo, true).then().statusCode(200);
        staff(STAFF1).header("If-Match", etagOf(id))
                .body(Map.of("actingFor", department)).post("/api/proposals/" + id + "/consultation").then()
                .statusCode(200);
        reviewer(REVIEWER2).body(Map.of("actingFor", npo, "body", "団体として発言")).post("/api/proposals/" + id
                + "/consultation/comments").then().statusCode(403);
        etag = partner(PARTNER1).get("/api/proposals/" + id).then().extract().header("ETag");
        Map<String, Object> revised = new LinkedHashMap<>(body);
        revised.put("revisionNote", "改訂");
        revised.put("approach", "改訂した進め方");
        reviewer(REVIEWER2).header("If-Match", etag).body(revised).post("/api/proposals/" + id + "/versions").then()
                .statusCode(403);
        reviewer(REVIEWER2).body(Map.of("actingFor", npo, "reason", "x")).post("/api/proposals/" + id + "/withdrawal")
                .then().statusCode(403);
        // The same person with the partner role as well acts for it.
        as(REVIEWER2, "reviewer", "partner").header("If-Match", etagOf(id))
                .body(Map.of("actingFor", npo, "reason", "体制が整わないため"))
                .post("/api/proposals/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void aReviewerOffTheCommitteeIsRefusedBeforeLearningWhetherTheProposalIsUnderScreening() {
        Fixture f = adoptedProposal();
        reviewer("reviewer-off-committee-" + UUID.randomUUID()).body(ScreeningAndDecisionTest.scores(5, 5))
                .post("/api/proposals/" + f.id() + "/scores").then().statusCode(403)
                .body(not(containsString("under screening"))).body(not(containsString("審査中")));
        // A reviewer of the committee is told the state.
        reviewer(REVIEWER1).body(ScreeningAndDecisionTest.scores(5, 5)).post("/api/proposals/" + f.id() + "/scores")
                .then().statusCode(409).body("detail", containsString("not under screening"));
    }
}
