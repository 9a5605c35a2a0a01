package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ThemeTest extends ProposalTestSupport {

    @Test
    void departmentStaffPublishAThemeThatAnyoneCanReadAndThatIsAnnounced() {
        UUID department = department(STAFF1);
        Instant opens = Instant.now().minus(1, ChronoUnit.DAYS);
        Instant closes = Instant.parse("2099-04-01T00:00:00Z");
        String id = publishTheme(department, STAFF1, 300000, opens, closes);

        anonymous().get("/api/proposals/themes/" + id).then().statusCode(200)
                .body("fiscalYear", equalTo(2027)).body("fiscalYearEraName", equalTo("令和9年度"))
                .body("open", equalTo(true)).body("criteriaWeights.FEASIBILITY", equalTo(1))
                .body("closesOn", equalTo("2099-04-01"));
        anonymous().queryParam("open", true).queryParam("limit", 100).get("/api/proposals/themes").then()
                .statusCode(200).body("items.id", hasItem(id));

        JsonNode event = eventPayload("jp.kyodo.theme.published.v1", id);
        assertThat(event.get("departmentId").asText()).isEqualTo(department.toString());
        assertThat(event.get("budgetCeilingYen").asLong()).isEqualTo(300000);
        staff(STAFF1).get("/api/proposals/themes/" + id + "/audit-trail").then().statusCode(200)
                .body("[0].action", equalTo("published")).body("[0].actor", equalTo(STAFF1));
    }

    @Test
    void onlyStaffOfTheDepartmentPublishItsThemes() {
        UUID department = department(STAFF1);
        Map<String, Object> body = Map.of("departmentId", department, "title", "t", "localIssue", "i", "fiscalYear",
                2027, "budgetCeilingYen", 1, "opensAt", "2027-04-01T00:00:00Z", "closesAt", "2027-05-01T00:00:00Z");
        staff(SIGNER1).body(body).post("/api/proposals/themes").then().statusCode(403);
        partner(PARTNER1).body(body).post("/api/proposals/themes").then().statusCode(403);
        anonymous().body(body).post("/api/proposals/themes").then().statusCode(401);
    }

    @Test
    void aThemeNeedsAWindowThatClosesAfterItOpensAndNoNegativeCeiling() {
        UUID department = department(STAFF1);
        staff(STAFF1).body(Map.of("departmentId", department, "title", "t", "localIssue", "i", "fiscalYear", 2027,
                "budgetCeilingYen", 1, "opensAt", "2027-05-01T00:00:00Z", "closesAt", "2027-04-01T00:00:00Z"))
                .post("/api/proposals/themes").then().statusCode(400).body("errors.field", hasItem("closesAt"));
        staff(STAFF1).body(Map.of("departmentId", department, "title", "t", "localIssue", "i", "fiscalYear", 2027,
                "budgetCeilingYen", -1, "opensAt", "2027-04-01T00:00:00Z", "closesAt", "2027-05-01T00:00:00Z"))
                .post("/api/proposals/themes").then().statusCode(400).body("errors.field", hasItem("budgetCeilingYen"));
        staff(STAFF1).body(Map.of("departmentId", department, "title", "t", "localIssue", "i", "fiscalYear", 2027,
                "budgetCeilingYen", 1, "opensAt", "2027-04-01T00:00:00Z", "closesAt", "2027-05-01T00:00:00Z",
                "criteriaWeights", Map.of("FEASIBILITY", 0)))
                .post("/api/proposals/themes").then().statusCode(400)
                .body("errors.field", hasItem("criteriaWeights.FEASIBILITY"));
    }
}
