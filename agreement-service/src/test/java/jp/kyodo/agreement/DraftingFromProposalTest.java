package jp.kyodo.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class DraftingFromProposalTest extends AgreementTestSupport {

    private static final String PROPOSALS = "kyodo.proposals.v1";
    private static final String SOURCE = "/kyodo/proposal-service";

    @Test
    void anAdoptedProposalBecomesExactlyOneDraftHoweverOftenItArrives() {
        Parties p = parties(null);
        UUID proposal = UUID.randomUUID();
        Map<String, Object> adopted = adopted(proposal, p);
        String eventId = send(PROPOSALS, "jp.kyodo.proposal.adopted.v1", SOURCE, proposal, 7, adopted);
        awaitTrue("the draft exists", () -> count("select count(*) from agreement where proposal_id = ?", proposal) == 1);
        send(PROPOSALS, "jp.kyodo.proposal.adopted.v1", SOURCE, proposal, 7, adopted, eventId);
        send(PROPOSALS, "jp.kyodo.proposal.adopted.v1", SOURCE, proposal, 7, adopted);
        UUID marker = UUID.randomUUID();
        send(PROPOSALS, "jp.kyodo.proposal.withdrawn.v1", SOURCE, marker, 1, Map.of("proposalId", marker.toString()));
        awaitTrue("later events were consumed", () -> count("select count(*) from kyodo_inbox where subject = ?",
                marker.toString()) == 1);
        assertThat(count("select count(*) from agreement where proposal_id = ?", proposal)).isEqualTo(1);

        asStaff();
        JsonPath list = RestAssured.given().queryParam("proposalId", proposal).get("/api/agreements").then()
                .statusCode(200).extract().jsonPath();
        assertThat(list.getList("items")).hasSize(1);
        String id = list.getString("items[0].id");
        JsonPath working = RestAssured.given().get("/api/agreements/" + id + "/working-copy").then().statusCode(200)
                .extract().jsonPath();
        assertThat(working.getString("content.form")).isEqualTo("JOINT_FUNDING");
        assertThat(working.getString("content.approach")).isEqualTo("毎月の清掃活動");
        assertThat(working.getList("content.parties.organizationId")).containsExactly(p.npo().toString(),
                p.department().toString());
        assertThat(working.getList("content.costs.lines.amountYen", Integer.class)).containsExactly(400000, 100000);
        assertThat(working.getList("content.targets.outcomeGoals.description")).containsExactly("川がきれいになる");
        assertThat(working.getList("readiness.field")).contains("content.tasks", "content.costs.consumptionTaxIncluded");

        asPartner();
        assertThat(RestAssured.given().queryParam("proposalId", proposal).get("/api/agreements").then()
                .statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
        as(CITIZEN1, "citizen");
        assertThat(RestAssured.given().queryParam("proposalId", proposal).get("/api/agreements").then()
                .statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        RestAssured.given().get("/api/agreements/" + id).then().statusCode(403);
    }

    @Test
    void theListPagesByCursorThroughTheFiltersWithoutRepeatingOrSkipping() {
        Parties p = parties(null);
        List<UUID> proposals = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID proposal : proposals) {
            send(PROPOSALS, "jp.kyodo.proposal.adopted.v1", SOURCE, proposal, 7, adopted(proposal, p));
        }
        awaitTrue("the drafts exist", () -> proposals.stream()
                .allMatch(id -> count("select count(*) from agreement where proposal_id = ?", id) == 1));

        asStaff();
        JsonPath first = RestAssured.given().queryParam("organizationId", p.npo()).queryParam("state", "DRAFT")
                .queryParam("limit", 2).get("/api/agreements").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(2);
        JsonPath second = RestAssured.given().queryParam("organizationId", p.npo()).queryParam("state", "DRAFT")
                .queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor")).get("/api/agreements")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(1);
        assertThat(second.getString("nextCursor")).isNull();
        List<String> listed = new java.util.ArrayList<>(first.getList("items.proposalId", String.class));
        listed.addAll(second.getList("items.proposalId", String.class));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(proposals.stream().map(UUID::toString).toList());

        assertThat(RestAssured.given().queryParam("organizationId", p.npo()).queryParam("state", "ACTIVE")
                .get("/api/agreements").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
    }

    private static Map<String, Object> adopted(UUID proposal, Parties p) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("proposalId", proposal.toString());
        e.put("version", 7);
        e.put("referenceNumber", "2027-0012");
        e.put("fiscalYear", 2027);
        e.put("origin", "CITIZEN_INITIATED");
        e.put("themeId", null);
        e.put("title", "川辺の清掃");
        e.put("localIssue", "川辺のごみ");
        e.put("goals", List.of("川がきれいになる"));
        e.put("approach", "毎月の清掃活動");
        e.put("collaborationForm", "JOINT_FUNDING");
        e.put("activityArea", "B");
        e.put("field", "ENVIRONMENT");
        e.put("period", Map.of("start", "2027-04-01", "end", "2028-03-31"));
        e.put("beneficiaries", "流域の住民");
        e.put("expectedEffects", "景観の改善");
        e.put("proposingOrganizationIds", List.of(p.npo().toString()));
        e.put("departmentId", p.department().toString());
        e.put("budgetLines", List.of(
                Map.of("organizationId", p.department().toString(), "fiscalYear", 2027, "item", "負担金", "amountYen", 400000),
                Map.of("organizationId", p.npo().toString(), "fiscalYear", 2027, "item", "自主財源", "amountYen", 100000)));
        e.put("decisionRationale", "公益性が高い");
        e.put("decidedAt", "2027-03-01T00:00:00Z");
        return e;
    }
}
