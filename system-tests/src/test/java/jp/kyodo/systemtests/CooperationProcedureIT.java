package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 事業協力: goods lent must come back and every reporting period be reported before the cooperation completes (409
 * until then).
 */
@ExtendWith(SystemUnderTest.class)
class CooperationProcedureIT {

    @Test
    void lentGoodsComeBackAndEveryPeriodIsReported() {
        FormSteps w = FormSteps.world();
        Map<String, Object> content = w.content("PROJECT_COOPERATION", "防犯パトロールへの協力");
        content.put("terms", Map.of("form", "PROJECT_COOPERATION", "reportIntervalMonths", 12, "goods", List.of(
                Map.of("item", "防犯ベスト", "quantity", 20, "provision", "LENT", "lentOn", FormSteps.TODAY.toString(),
                        "returnBy", (FormSteps.YEAR + 1) + "-03-31"),
                Map.of("item", "啓発チラシ", "quantity", 500, "provision", "SUPPLIED", "lentOn",
                        FormSteps.TODAY.toString()))));
        UUID agreement = w.inForce(content);
        String goods = Gateway.as("staff1").get("/api/agreements/" + agreement + "/procedure").then().statusCode(200)
                .body("lentGoods.size()", equalTo(1)).extract().path("lentGoods[0].goodsId");
        Gateway.as("partner1").body(Map.of("form", "PROJECT_COOPERATION", "actingFor", w.npo.toString(), "summary",
                "夜間パトロールを月4回実施した")).post("/api/agreements/" + agreement + "/activity-reports").then()
                .statusCode(201).body("activityReports[0].period", equalTo(1));
        w.complete(agreement).then().statusCode(409);
        FormSteps.step("staff1", agreement, "/lent-goods/" + goods + "/return", Map.of("actingFor",
                w.department.toString(), "returnedOn", FormSteps.TODAY.toString(), "condition", "異常なし")).then()
                .statusCode(200).body("lentGoods[0].state", equalTo("RETURNED"));
        w.complete(agreement).then().statusCode(200);
    }
}
