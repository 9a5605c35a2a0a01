package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 実行委員会・共催: an executive committee needs its rules (400 naming them); without a city burden no money flows
 * (409 for a cost report); the collaboration completes only once its event is reported.
 */
@ExtendWith(SystemUnderTest.class)
class CoHostingProcedureIT {

    @Test
    void anExecutiveCommitteeReportsItsEventBeforeItCompletes() {
        FormSteps w = FormSteps.world();
        Map<String, Object> content = w.content("CO_HOSTING", "市民まつり");
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("form", "CO_HOSTING", "arrangement", "EXECUTIVE_COMMITTEE",
                "committeeName", "市民まつり実行委員会", "events", List.of(Map.of("name", "市民まつり", "firstDay",
                        FormSteps.TODAY.toString(), "lastDay", FormSteps.TODAY.toString(), "place", "中央公園"))));
        content.put("terms", terms);
        UUID agreement = w.open("staff1", w.department, content);
        FormSteps.submit("staff1", agreement, w.department).then().statusCode(400)
                .body("errors.field", hasItem("content.terms.committeeRules"));
        terms.put("committeeRules", "第1条 本会は市民まつり実行委員会と称する。第2条 会員は市と団体とする。");
        FormSteps.edit("staff1", agreement, w.department, content);
        w.signByBoth(agreement, FormSteps.frozen("staff1", agreement, w.department));
        String event = Gateway.as("partner1").get("/api/agreements/" + agreement + "/procedure").then().statusCode(200)
                .body("cityBearsCosts", equalTo(false)).body("events[0].expected.step", equalTo("EVENT_REPORT"))
                .extract().path("events[0].eventId");
        Gateway.as("partner1").body(Map.of("actingFor", w.npo.toString(), "fiscalYear", FormSteps.YEAR, "lines",
                List.of(Map.of("item", "備品", "actualYen", 1000)))).post("/api/agreements/" + agreement + "/cost-reports")
                .then().statusCode(409);
        w.complete(agreement).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:procedure-open"));
        FormSteps.step("partner1", agreement, "/hosted-events/" + event + "/report", Map.of("actingFor",
                w.npo.toString(), "heldOn", FormSteps.TODAY.toString(), "attendance", 1200, "summary", "来場者1200名"))
                .then().statusCode(200).body("events[0].state", equalTo("REPORTED"));
        w.complete(agreement).then().statusCode(200);
    }
}
