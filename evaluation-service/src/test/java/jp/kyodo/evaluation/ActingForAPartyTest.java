package jp.kyodo.evaluation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;

/**
 * A party acts in the evaluation through its members in a role that fits it: partner or citizen for the NPO, city
 * staff for the department. Belonging alone is not enough.
 */
@QuarkusTest
class ActingForAPartyTest extends EvaluationTestSupport {

    @Test
    void aMemberOfTheNpoWhoseOnlyRoleIsReviewerNeitherAssessesNorRecordsFindingsNorClosesForIt() {
        UUID department = department(STAFF1);
        Map<String, MemberRole> members = new LinkedHashMap<>();
        members.put(PARTNER1, MemberRole.REPRESENTATIVE);
        members.put(REVIEWER2, MemberRole.MEMBER);
        UUID npo = organization(ActorType.CIVIC_GROUP, members);
        Collaboration c = new Collaboration(UUID.randomUUID(), department, npo,
                List.of(UUID.randomUUID(), UUID.randomUUID()), List.of(UUID.randomUUID()), nextFiscalYear(),
                List.of(party(department, "CITY_DEPARTMENT", "環境政策課"), party(npo, "CIVIC_GROUP", "NPO法人みどりの会")),
                "ENVIRONMENT");
        String roundId = openInterim(c, activate(c));

        submitAs(as(REVIEWER2, "reviewer"), roundId, npo, assessment(c, Map.of())).then().statusCode(403)
                .body("detail", containsString("partner, citizen"));
        // The department is acted for by its members as city staff, not in any other role.
        submitAs(as(STAFF1, "partner"), roundId, department, assessment(c, Map.of())).then().statusCode(403);
        submitAs(partner(PARTNER1), roundId, npo, assessment(c, Map.of())).then().statusCode(201);
        submitAs(staff(STAFF1), roundId, department, assessment(c, Map.of())).then().statusCode(201);

        String findings = "/api/evaluations/rounds/" + roundId + "/findings";
        as(REVIEWER2, "reviewer").body(Map.of("actingFor", npo, "item", "COLLABORATION_PROCESS", "finding", "所見"))
                .post(findings).then().statusCode(403);
        as(REVIEWER2, "reviewer").header("If-Match", etagOf(roundId, staff(STAFF1))).body(Map.of("actingFor", npo))
                .post("/api/evaluations/rounds/" + roundId + "/closing").then().statusCode(403);

        // The same person acting as a partner of the NPO may.
        as(REVIEWER2, "reviewer", "partner").body(Map.of("actingFor", npo, "item", "COLLABORATION_PROCESS",
                "finding", "役割分担を見直す")).post(findings).then().statusCode(201);
        as(REVIEWER2, "reviewer", "partner").header("If-Match", etagOf(roundId, staff(STAFF1)))
                .body(Map.of("actingFor", npo)).post("/api/evaluations/rounds/" + roundId + "/closing").then()
                .statusCode(200).body("round.status", equalTo("CLOSED"));
    }
}
