package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * 後援: an organisation applies directly (not after a proposal). An application received too late is a 400; one for a
 * political event cannot be approved (409 naming the exclusion) and is refused with the reason; another is approved
 * with conditions, reported on after the event — which completes it — and is public; it is not evaluated. (The system
 * tests run with a lead time of 0 days, so that an event can be applied for and held today.)
 */
@ExtendWith(SystemUnderTest.class)
class EndorsementProcedureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOrganisationAppliesDirectlyAndAPoliticalEventIsRefusedWithTheReason() throws Exception {
        FormSteps w = FormSteps.world();
        String dept = w.department.toString();
        try (KafkaEvents events = KafkaEvents.fromNow(Kyodo.AGREEMENTS_TOPIC)) {
            UUID political = w.open("partner1", w.npo, application(w, "政策を訴える集会", FormSteps.TODAY.minusDays(1), true));
            FormSteps.submit("partner1", political, w.npo).then().statusCode(400)
                    .body("errors.field", hasItem("content.terms.firstDay"));
            FormSteps.edit("partner1", political, w.npo, application(w, "政策を訴える集会", FormSteps.TODAY, true));
            JsonPath received = FormSteps.frozen("partner1", political, w.npo);
            FormSteps.procedure("staff1", political);
            Gateway.as("staff1").get("/api/agreements/" + political + "/procedure").then()
                    .body("endorsement.exclusions", hasItem("POLITICAL_PURPOSE"))
                    .body("endorsement.expected.actor", equalTo("CITY"));
            Gateway.as("signer1").body(decision(dept, received, "APPROVED", null)).post("/api/agreements/" + political
                    + "/decision").then().statusCode(409).body("type", equalTo("urn:kyodo:problem:endorsement-excluded"));
            Gateway.as("signer1").body(decision(dept, received, "REFUSED", List.of("政治的目的を有する事業のため")))
                    .post("/api/agreements/" + political + "/decision").then().statusCode(200)
                    .body("lifecycle.state", equalTo("REFUSED"))
                    .body("endorsement.refusalReasons", hasItem("政治的目的を有する事業のため"));
            Gateway.as("partner1").get("/api/agreements/" + political).then().body("state", equalTo("REFUSED"))
                    .body("endReason", equalTo("政治的目的を有する事業のため"));

            UUID lecture = w.open("partner1", w.npo, application(w, "子育て講演会", FormSteps.TODAY, false));
            JsonPath application = FormSteps.frozen("partner1", lecture, w.npo);
            Gateway.as("signer1").body(decision(dept, application, "APPROVED", null)).post("/api/agreements/" + lecture
                    + "/decision").then().statusCode(200).body("lifecycle.state", equalTo("ACTIVE"))
                    .body("lifecycle.documentKind", equalTo("ENDORSEMENT_APPROVAL"))
                    .body("endorsement.expected.step", equalTo("EVENT_REPORT"));
            FormSteps.step("partner1", lecture, "/endorsement/event-report", Map.of("actingFor", w.npo.toString(),
                    "heldOn", FormSteps.TODAY.toString(), "attendance", 180, "summary", "180名が参加した")).then()
                    .statusCode(200).body("lifecycle.state", equalTo("COMPLETED"));
            Map<String, Object> endorsed = FormSteps.openDataRecord("endorsed-events", lecture);
            assertEquals("市民会館", endorsed.get("place"));
            assertNull(FormSteps.openDataRecord("endorsed-events", political));
            // Not evaluated: the procedure says so in the events evaluation-service reads.
            assertFalse(JSON.readTree(events.await("jp.kyodo.agreement.activated.v1",
                    r -> lecture.toString().equals(r.key()), Duration.ofSeconds(60)).value()).get("evaluated").asBoolean());
        }
    }

    private static Map<String, Object> application(FormSteps w, String event, LocalDate day, boolean political) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", event + " " + w.tag);
        c.put("form", "ENDORSEMENT");
        c.put("activityArea", "B");
        c.put("field", "CHILD_REARING");
        c.put("purpose", "市民に学びの場を提供する");
        c.put("term", Map.of("start", day.toString(), "end", day.toString()));
        c.put("parties", List.of(Map.of("organizationId", w.department.toString()),
                Map.of("organizationId", w.npo.toString())));
        c.put("terms", FormSteps.endorsementTerms(day, political));
        return c;
    }

    private static Map<String, Object> decision(String dept, JsonPath application, String outcome, List<String> reasons) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("form", "ENDORSEMENT");
        d.put("actingFor", dept);
        d.put("documentVersion", application.getInt("documentVersion"));
        d.put("contentSha256", application.getString("contentSha256"));
        d.put("outcome", outcome);
        d.put("conditions", "後援名義は「市後援」と表記すること");
        if (reasons != null) {
            d.put("reasons", reasons);
        }
        return d;
    }
}
