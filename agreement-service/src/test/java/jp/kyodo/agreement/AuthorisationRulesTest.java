package jp.kyodo.agreement;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Who acts for a party, and that a caller who may not act learns nothing of the agreement's state. */
@QuarkusTest
class AuthorisationRulesTest extends AgreementTestSupport {

    static final String REVIEWER_MEMBER = "a0000000-0000-4000-8000-000000000006";
    static final String STRANGER = "a0000000-0000-4000-8000-0000000000ff";

    /** A department (STAFF1, SIGNER1) and an NPO whose members are PARTNER1 and someone with only the reviewer role. */
    private Parties partiesWithAReviewerMember() {
        Parties p = new Parties(UUID.randomUUID(), UUID.randomUUID());
        organization(p.department(), 1, "市民協働推進課", "CITY_DEPARTMENT", "VERIFIED", member(STAFF1, "STAFF", null),
                member(SIGNER1, "SIGNATORY", null));
        organization(p.npo(), 1, "NPO法人 みどりの会", "CIVIC_GROUP", "VERIFIED",
                member(PARTNER1, "REPRESENTATIVE", null), member(REVIEWER_MEMBER, "MEMBER", null));
        return p;
    }

    @Test
    void aMemberActsForAPartyOnlyInARoleThatFitsItsKind() {
        Parties p = partiesWithAReviewerMember();
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        asStaff();
        String etag = etag(id);

        as(REVIEWER_MEMBER, "reviewer");
        json().header("If-Match", etag).body(Map.of("actingFor", p.npo().toString()))
                .post("/api/agreements/" + id + "/submission").then().statusCode(403)
                .body("detail", containsString("partner, citizen"));
        as(STRANGER, "partner");
        json().header("If-Match", etag).body(Map.of("actingFor", p.npo().toString()))
                .post("/api/agreements/" + id + "/submission").then().statusCode(403);
        // A department is acted for by its members who are city staff: a partner role does not do.
        as(STAFF1, "partner");
        json().header("If-Match", etag).body(Map.of("actingFor", p.department().toString()))
                .post("/api/agreements/" + id + "/submission").then().statusCode(403);

        as(REVIEWER_MEMBER, "reviewer", "partner");
        json().header("If-Match", etag).body(Map.of("actingFor", p.npo().toString()))
                .post("/api/agreements/" + id + "/submission").then().statusCode(201);
    }

    @Test
    void aStrangerIsRefusedASignatureBeforeLearningThatNothingAwaitsOne() {
        Parties p = partiesWithAReviewerMember();
        UUID id = activeAgreement(p, content(p, "AGREEMENT", "C"));
        for (String[] caller : List.of(new String[] { STRANGER, "partner" }, new String[] { CITIZEN1, "citizen" },
                new String[] { REVIEWER_MEMBER, "reviewer" })) {
            as(caller[0], caller[1]);
            sign(id, p.npo(), 1).then().statusCode(403).body(not(containsString("ACTIVE")));
        }
        as(STAFF1, "city-staff");
        sign(id, UUID.randomUUID(), 1).then().statusCode(403);
        // A party's member is told the state.
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:invalid-transition"));
    }

    @Test
    void aStrangerIsRefusedAmendmentsMilestonesCostReportsAndSettlementsBeforeTheStateAnswers() {
        Parties p = partiesWithAReviewerMember();
        UUID draft = open(p, content(p, "AGREEMENT", "C"));
        UUID active = activeAgreement(p, content(p, "AGREEMENT", "C"));
        asStaff();
        String draftEtag = etag(draft);

        as(STRANGER, "partner");
        json().header("If-Match", draftEtag).body(Map.of("actingFor", p.npo().toString(), "reason", "変更"))
                .post("/api/agreements/" + draft + "/amendments").then().statusCode(403);
        json().body(Map.of("actingFor", p.npo().toString(), "reachedOn", "2024-09-28"))
                .post("/api/agreements/" + draft + "/milestones/" + UUID.randomUUID() + "/reached").then()
                .statusCode(403);
        json().body(costReport(p)).post("/api/agreements/" + active + "/cost-reports").then().statusCode(403);
        as(STRANGER, "city-staff");
        json().body(settlement(p, p.department())).post("/api/agreements/" + active + "/settlements").then()
                .statusCode(403);

        // The parties learn the state: no version in force to amend, no milestone before it is in force, and an
        // AGREEMENT has neither cost reports nor settlements.
        asPartner();
        json().header("If-Match", draftEtag).body(Map.of("actingFor", p.npo().toString(), "reason", "変更"))
                .post("/api/agreements/" + draft + "/amendments").then().statusCode(409);
        json().body(Map.of("actingFor", p.npo().toString(), "reachedOn", "2024-09-28"))
                .post("/api/agreements/" + draft + "/milestones/" + UUID.randomUUID() + "/reached").then()
                .statusCode(409);
        json().body(costReport(p)).post("/api/agreements/" + active + "/cost-reports").then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:form-without-step"));
        asStaff();
        json().body(settlement(p, p.department())).post("/api/agreements/" + active + "/settlements").then()
                .statusCode(409).body("type", equalTo("urn:kyodo:problem:form-without-step"));
        RestAssured.given().get("/api/agreements/" + draft).then().body("state", equalTo("DRAFT"));
    }

    private static Map<String, Object> costReport(Parties p) {
        return Map.of("actingFor", p.npo().toString(), "fiscalYear", 2024,
                "lines", List.of(Map.of("item", "用具", "actualYen", 1000)));
    }

    private static Map<String, Object> settlement(Parties p, UUID actingFor) {
        return Map.of("actingFor", actingFor.toString(), "organizationId", p.npo().toString(), "fiscalYear", 2024,
                "confirmedAmountYen", 0, "alreadyPaidYen", 0);
    }
}
