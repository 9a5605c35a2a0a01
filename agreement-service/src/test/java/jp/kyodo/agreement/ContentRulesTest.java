package jp.kyodo.agreement;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ContentRulesTest extends AgreementTestSupport {

    @Test
    void invalidContentIsA400NamingTheField() {
        Parties p = parties(null);
        asStaff();
        Map<String, Object> noResponsible = content(p, "AGREEMENT", "C");
        noResponsible.put("tasks", List.of(task("誰も担当しない", null, List.of())));
        post(p, noResponsible).then().statusCode(400).body("errors.field", hasItem("content.tasks[0].responsiblePartyId"));

        Map<String, Object> negative = content(p, "AGREEMENT", "C");
        ((Map<String, Object>) negative.get("costs")).put("lines", List.of(line(p.npo(), 2024, "謝金", -1)));
        post(p, negative).then().statusCode(400).body("errors.field", hasItem("content.costs.lines[0].amountYen"));

        Map<String, Object> stranger = content(p, "AGREEMENT", "C");
        List<Object> parties = new ArrayList<>((List<?>) stranger.get("parties"));
        parties.add(Map.of("organizationId", UUID.randomUUID().toString()));
        stranger.put("parties", parties);
        post(p, stranger).then().statusCode(400).body("errors.field", hasItem("content.parties[2].organizationId"));

        Map<String, Object> backwards = content(p, "AGREEMENT", "C");
        backwards.put("term", Map.of("start", "2025-04-01", "end", "2024-04-01"));
        post(p, backwards).then().statusCode(400).body("errors.field", hasItem("content.term.end"));
    }

    @Test
    void aVersionIsFrozenOnlyWhenItIsCompleteEnoughToSign() {
        Parties p = parties(null);
        Map<String, Object> c = content(p, "JOINT_FUNDING", "C");
        c.put("tasks", List.of(task("全部やる", p.npo(), List.of())));
        c.put("deliverables", List.of(Map.of("name", "報告書")));
        ((Map<String, Object>) c.get("costs")).put("declaredCityShareYen", 1);
        UUID id = open(p, c);
        submit(id, p.department()).then().statusCode(400)
                .body("errors.field", hasItems("content.parties[0]", "content.deliverables[0].ownership",
                        "content.costs.declaredCityShareYen"));
    }

    @Test
    void onlyMembersOfAPartyOpenOrEditAgreements() {
        Parties p = parties(null);
        as(STAFF1, "partner");
        post(p, content(p, "AGREEMENT", "C")).then().statusCode(403);
        as(COORDINATOR1, "city-staff");
        post(p, content(p, "AGREEMENT", "C")).then().statusCode(403);
        anonymous();
        post(p, content(p, "AGREEMENT", "C")).then().statusCode(401);
        UUID id = open(p, content(p, "AGREEMENT", "C"));
        as(CITIZEN1, "partner");
        json().header("If-Match", "\"0\"").body(Map.of("actingFor", p.npo().toString(), "content",
                content(p, "AGREEMENT", "C"))).put("/api/agreements/" + id + "/working-copy").then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:forbidden"));
    }

    private io.restassured.response.Response post(Parties p, Map<String, Object> content) {
        return json().body(Map.of("actingFor", p.department().toString(), "content", content)).post("/api/agreements");
    }
}
