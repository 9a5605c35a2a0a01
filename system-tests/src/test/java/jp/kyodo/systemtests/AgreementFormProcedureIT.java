package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 協定 and 協働負担金: a 協定書 both sides sign. A 協定 has no step of its own and no yearly settlement (409); a
 * 協働負担金 names the city's share (400 without) and ends each fiscal year with the partner's 実績報告 and the
 * department's 精算.
 */
@ExtendWith(SystemUnderTest.class)
class AgreementFormProcedureIT {

    @Test
    void anAgreementIsSignedByBothAndHasNoSettlement() {
        FormSteps w = FormSteps.world();
        UUID agreement = w.inForce(w.costs(w.content("AGREEMENT", "災害時の協力協定"), 100_000, null));
        Gateway.as("partner1").get("/api/agreements/" + agreement + "/procedure").then().statusCode(200)
                .body("form", equalTo("AGREEMENT")).body("lifecycle.documentKind", equalTo("AGREEMENT_DEED"))
                .body("lifecycle.signers", equalTo("ALL_PARTIES")).body("lifecycle.expected", equalTo(List.of()));
        Gateway.as("partner1").body(Map.of("actingFor", w.npo.toString(), "fiscalYear", FormSteps.YEAR, "lines",
                List.of(Map.of("item", "備品", "actualYen", 1000)))).post("/api/agreements/" + agreement + "/cost-reports")
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:form-without-step"));
        assertEquals(200, w.complete(agreement).statusCode());
    }

    @Test
    void jointFundingNamesTheCitysShareAndSettlesAFiscalYearThatEnded() {
        FormSteps w = FormSteps.world();
        int lastYear = FormSteps.YEAR - 1;
        Map<String, Object> content = w.content("JOINT_FUNDING", "市民協働推進センターの運営");
        content.put("term", Map.of("start", lastYear + "-04-01", "end", (FormSteps.YEAR + 1) + "-03-31"));
        content.put("costs", Map.of("consumptionTaxIncluded", true, "lines", List.of(
                Kyodo.budgetLine(w.department, lastYear, "協働負担金", 600_000),
                Kyodo.budgetLine(w.npo, lastYear, "自主財源", 300_000))));
        UUID agreement = w.open("staff1", w.department, content);
        FormSteps.submit("staff1", agreement, w.department).then().statusCode(400)
                .body("errors.field", hasItem("content.costs.declaredCityShareYen"));
        content.put("costs", Map.of("consumptionTaxIncluded", true, "declaredCityShareYen", 600_000, "lines", List.of(
                Kyodo.budgetLine(w.department, lastYear, "協働負担金", 600_000),
                Kyodo.budgetLine(w.npo, lastYear, "自主財源", 300_000))));
        FormSteps.edit("staff1", agreement, w.department, content);
        w.signByBoth(agreement, FormSteps.frozen("staff1", agreement, w.department));
        Gateway.as("partner1").body(Map.of("actingFor", w.npo.toString(), "fiscalYear", lastYear, "lines",
                List.of(Map.of("item", "運営費", "actualYen", 550_000)))).post("/api/agreements/" + agreement
                + "/cost-reports").then().statusCode(201);
        Gateway.as("staff1").body(Map.of("actingFor", w.department.toString(), "organizationId", w.npo.toString(),
                "fiscalYear", lastYear, "confirmedAmountYen", 550_000, "alreadyPaidYen", 600_000))
                .post("/api/agreements/" + agreement + "/settlements").then().statusCode(201)
                .body("toReturnYen", equalTo(50_000));
        assertEquals(200, w.complete(agreement).statusCode());
    }
}
