package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;

/**
 * アダプト制度: a volunteer group registers for a park directly; group and department sign the 合意書; the group requests
 * supplies, which the department approves, and reports an activity; the register of adopted places shows the park but
 * not the group, which did not consent to being named.
 */
@ExtendWith(SystemUnderTest.class)
class AdoptProcedureIT {

    @Test
    void aGroupAdoptsAParkAndIsNotNamedInPublicWithoutItsConsent() {
        FormSteps w = FormSteps.world();
        Map<String, Object> content = w.content("ADOPT_PROGRAM", "本町公園のアダプト");
        content.put("terms", Map.of("form", "ADOPT_PROGRAM", "groupNamePublic", false, "place", Map.of("name",
                "本町公園 " + w.tag, "kind", "PARK", "location", "本町1-1", "extent", "園内全域")));
        UUID agreement = w.open("partner1", w.npo, content);
        JsonPath frozen = FormSteps.frozen("partner1", agreement, w.npo);
        w.signByBoth(agreement, frozen);

        String request = Gateway.as("partner1").body(Map.of("actingFor", w.npo.toString(), "items",
                List.of(Map.of("item", "ごみ袋（45L）", "quantity", 100)))).post("/api/agreements/" + agreement
                + "/supply-requests").then().statusCode(201).body("supplyRequests[0].expected.actor", equalTo("CITY"))
                .extract().path("supplyRequests[0].requestId");
        FormSteps.step("staff1", agreement, "/supply-requests/" + request + "/decision", Map.of("actingFor",
                w.department.toString(), "approved", true, "answer", "公園事務所で受け取り")).then().statusCode(200)
                .body("supplyRequests[0].state", equalTo("APPROVED"));
        Gateway.as("partner1").body(Map.of("form", "ADOPT_PROGRAM", "actingFor", w.npo.toString(), "activityOn",
                FormSteps.TODAY.toString(), "participants", 8, "workDone", "園内清掃", "wasteCollectedKg", 12.5))
                .post("/api/agreements/" + agreement + "/activity-reports").then().statusCode(201);

        Map<String, Object> place = FormSteps.openDataRecord("adopted-places", agreement);
        assertEquals("本町公園 " + w.tag, place.get("placeName"));
        assertEquals(1, place.get("activitiesReported"));
        assertNull(place.get("groupName"));
        Gateway.anonymous().get("/api/agreements/public/" + agreement).then().statusCode(200)
                .body("tasksByParty.findAll { it.actorType == 'CIVIC_GROUP' }.name", equalTo(java.util.Collections.singletonList(null)));
        w.complete(agreement).then().statusCode(200);
    }
}
