package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;

@QuarkusTest
class ConsultationTest extends ProposalTestSupport {

    @Test
    void theProposersTheDepartmentAndCoordinatorsDiscussInOneThread() {
        Fixture f = proposalInConsultation();
        UUID centre = organization(ActorType.INTERMEDIARY, OrganizationStatus.VERIFIED,
                Map.of(COORDINATOR1, MemberRole.STAFF));
        String comments = "/api/proposals/" + f.id() + "/consultation/comments";

        staff(STAFF1).body(Map.of("actingFor", f.department(), "body", "予算の内訳を教えてください")).post(comments)
                .then().statusCode(201).body("side", equalTo("DEPARTMENT"));
        partner(PARTNER1).body(Map.of("actingFor", f.npo(), "body", "清掃用具が中心です")).post(comments).then()
                .statusCode(201).body("side", equalTo("PROPOSER"));
        as(COORDINATOR1, "coordinator").body(Map.of("actingFor", centre, "body", "他地区の事例を紹介します"))
                .post(comments).then().statusCode(201).body("side", equalTo("COORDINATOR"));

        partner(PARTNER2).body(Map.of("actingFor", f.npo(), "body", "x")).post(comments).then().statusCode(403);
        staff(SIGNER1).body(Map.of("actingFor", f.department(), "body", "x")).post(comments).then().statusCode(403);
        partner(PARTNER1).body(Map.of("actingFor", f.npo(), "body", "")).post(comments).then().statusCode(400)
                .body("errors.field", hasItem("body"));

        partner(PARTNER1).get(comments).then().statusCode(200)
                .body("items.side", contains("DEPARTMENT", "PROPOSER", "COORDINATOR"));
        partner(PARTNER2).get(comments).then().statusCode(403);
        anonymous().get(comments).then().statusCode(401);
    }

    @Test
    void proposersPublishRevisedVersionsThatAreAllKeptAndDiffable() {
        Fixture f = proposalInConsultation();
        String etag = partner(PARTNER1).get("/api/proposals/" + f.id()).then().extract().header("ETag");
        Map<String, Object> revised = proposalBody(f.npo(), f.department(), null, 80000);
        revised.put("approach", "自治会と協力して月2回清掃する");
        revised.put("revisionNote", "協議を受けて頻度と市の負担を見直し");

        partner(PARTNER1).body(revised).post("/api/proposals/" + f.id() + "/versions").then().statusCode(428);
        partner(PARTNER2).header("If-Match", etag).body(revised).post("/api/proposals/" + f.id() + "/versions").then()
                .statusCode(403);
        partner(PARTNER1).header("If-Match", etag).body(revised).post("/api/proposals/" + f.id() + "/versions").then()
                .statusCode(201).body("number", equalTo(2)).body("content.approach", equalTo("自治会と協力して月2回清掃する"));
        partner(PARTNER1).header("If-Match", etag).body(revised).post("/api/proposals/" + f.id() + "/versions").then()
                .statusCode(412);

        staff(STAFF1).get("/api/proposals/" + f.id() + "/versions").then().statusCode(200).body("number", contains(1, 2));
        staff(STAFF1).get("/api/proposals/" + f.id() + "/versions/1").then().statusCode(200)
                .body("content.approach", equalTo("地域住民と市が役割を分担して管理する"));
        staff(STAFF1).get("/api/proposals/" + f.id() + "/versions/2/diff").then().statusCode(200)
                .body("changes.field", hasItems("approach", "budgetLines")).body("changes.field", not(hasItem("title")))
                .body("changes.find { it.field == 'approach' }.before", equalTo("地域住民と市が役割を分担して管理する"));
        partner(PARTNER2).get("/api/proposals/" + f.id() + "/versions").then().statusCode(403);
        partner(PARTNER1).get("/api/proposals/" + f.id()).then().body("revision", equalTo(2))
                .body("cityShareYen", equalTo(80000));

        JsonNode event = eventPayload("jp.kyodo.proposal.revised.v1", f.id());
        assertThat(event.get("revision").asInt()).isEqualTo(2);
        assertThat(event.get("changedFields").toString()).contains("approach");
    }

    @Test
    void aSubmittedProposalIsNotEditedAsADraftAndRevisionsWaitForTheConsultation() {
        Fixture f = submittedProposal();
        String etag = partner(PARTNER1).get("/api/proposals/" + f.id()).then().extract().header("ETag");
        Map<String, Object> body = proposalBody(f.npo(), f.department(), null, 1);
        partner(PARTNER1).header("If-Match", etag).body(body).put("/api/proposals/" + f.id()).then().statusCode(409);
        partner(PARTNER1).header("If-Match", etag).body(body).post("/api/proposals/" + f.id() + "/versions").then()
                .statusCode(409);
    }

    @Test
    void everyTransitionOfAProposalNeedsIfMatchFromACallerWhoMayMakeIt() {
        Fixture f = submittedProposal();
        String base = "/api/proposals/" + f.id();
        // Without If-Match: 428 for the department and the proposers, 403 for anyone else, whatever they send.
        staff(STAFF1).body(Map.of("actingFor", f.department())).post(base + "/consultation").then().statusCode(428)
                .body("type", equalTo("urn:kyodo:problem:precondition-required"));
        staff(STAFF1).body(Map.of("actingFor", f.department(), "reason", "x")).post(base + "/consultation/closure")
                .then().statusCode(428);
        staff(STAFF1).body(Map.of("actingFor", f.department(), "reviewers", java.util.List.of(REVIEWER1)))
                .post(base + "/screening").then().statusCode(428);
        staff(STAFF1).body(Map.of("actingFor", f.department(), "outcome", "ADOPTED", "rationale", "x"))
                .post(base + "/decision").then().statusCode(428);
        partner(PARTNER1).body(Map.of("actingFor", f.npo(), "reason", "x")).post(base + "/withdrawal").then()
                .statusCode(428);
        for (String ifMatch : java.util.Arrays.asList(null, "garbage", "*", etagOf(f.id()))) {
            var stranger = partner(PARTNER2);
            if (ifMatch != null) {
                stranger.header("If-Match", ifMatch);
            }
            stranger.body(Map.of("actingFor", f.npo(), "reason", "x")).post(base + "/withdrawal").then()
                    .statusCode(403);
        }
        String draft = draft(PARTNER1, proposalBody(f.npo(), f.department(), null, 100000));
        partner(PARTNER1).body(Map.of("actingFor", f.npo(), "consentToCaseArchive", true))
                .post("/api/proposals/" + draft + "/submission").then().statusCode(428);
        // "*": whatever version is current.
        staff(STAFF1).header("If-Match", "*").body(Map.of("actingFor", f.department())).post(base + "/consultation")
                .then().statusCode(200).body("status", equalTo("IN_CONSULTATION"));
        assertThat(count("select count(*) from kyodo_audit_entry where aggregate_id = ? and action = 'withdrawn'",
                UUID.fromString(f.id()))).isZero();
    }

    @Test
    void onlyTheDepartmentOpensTheConsultationAndTransitionsFollowTheProcedure() {
        Fixture f = submittedProposal();
        UUID other = department(STAFF1);
        partner(PARTNER1).body(Map.of("actingFor", f.npo())).post("/api/proposals/" + f.id() + "/consultation").then()
                .statusCode(403);
        staff(STAFF1).body(Map.of("actingFor", other)).post("/api/proposals/" + f.id() + "/consultation").then()
                .statusCode(403);
        staff(STAFF1).header("If-Match", "\"99\"").body(Map.of("actingFor", f.department()))
                .post("/api/proposals/" + f.id() + "/consultation").then().statusCode(412);
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department())).post("/api/proposals/" + f.id() + "/consultation")
                .then().statusCode(200).body("status", equalTo("IN_CONSULTATION"));
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department())).post("/api/proposals/" + f.id() + "/consultation")
                .then().statusCode(409).body("allowedTransitions", hasItems("UNDER_SCREENING", "WITHDRAWN"));
    }

    @Test
    void staffCloseAConsultationWithAReasonAndItBecomesAConsultationCase() {
        Fixture f = proposalInConsultation();
        staff(STAFF1).body(Map.of("actingFor", f.department())).post("/api/proposals/" + f.id() + "/consultation/closure")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        partner(PARTNER1).body(Map.of("actingFor", f.npo(), "reason", "x"))
                .post("/api/proposals/" + f.id() + "/consultation/closure").then().statusCode(403);
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department(), "reason", "既存の委託事業で対応可能なため"))
                .post("/api/proposals/" + f.id() + "/consultation/closure").then().statusCode(200)
                .body("status", equalTo("NOT_PURSUED")).body("closingReason", equalTo("既存の委託事業で対応可能なため"))
                .body("nextStates", hasSize(0));
        assertThat(count("select count(*) from consultation_case where proposal_id = ?", UUID.fromString(f.id())))
                .isEqualTo(1);
        assertThat(eventPayload("jp.kyodo.proposal.not-pursued.v1", f.id()).get("previousStatus").asText())
                .isEqualTo("IN_CONSULTATION");
        staff(STAFF1).get("/api/proposals/" + f.id() + "/audit-trail").then()
                .body("find { it.action == 'not-pursued' }.reason", equalTo("既存の委託事業で対応可能なため"))
                .body("find { it.action == 'not-pursued' }.actor", equalTo(STAFF1));
    }

    @Test
    void proposersWithdrawBeforeADecision() {
        Fixture f = submittedProposal();
        partner(PARTNER2).body(Map.of("actingFor", f.npo(), "reason", "x"))
                .post("/api/proposals/" + f.id() + "/withdrawal").then().statusCode(403);
        partner(PARTNER1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.npo(), "reason", "団体の体制が整わないため"))
                .post("/api/proposals/" + f.id() + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        assertThat(eventPayload("jp.kyodo.proposal.withdrawn.v1", f.id()).get("previousStatus").asText())
                .isEqualTo("SUBMITTED");
        partner(PARTNER1).header("If-Match", etagOf(f.id())).body(Map.of("actingFor", f.npo(), "reason", "again"))
                .post("/api/proposals/" + f.id() + "/withdrawal").then().statusCode(409);
    }
}
