package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 協働型委託: a contract cannot be frozen without its specification (400 naming it); signed by both sides it runs the
 * year's performance: the inspector appointed, a payment before the inspection refused (409), the completion report, an
 * inspection returning it with findings, the report again, a passed inspection, the invoice and the payment.
 */
@ExtendWith(SystemUnderTest.class)
class CommissionProcedureIT {

    @Test
    void aCommissionNeedsItsSpecificationAndIsPaidOnlyAfterAPassedInspection() {
        FormSteps w = FormSteps.world();
        String dept = w.department.toString();
        String npo = w.npo.toString();
        Map<String, Object> content = w.costs(w.content("COLLABORATIVE_COMMISSION", "公園管理の協働型委託"), 1_500_000, null);
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("form", "COLLABORATIVE_COMMISSION", "paymentTerms",
                "LUMP_SUM", "divisionOfRoles", "企画と広報は市、清掃と運営は団体"));
        content.put("terms", terms);
        UUID agreement = w.open("staff1", w.department, content);
        FormSteps.submit("staff1", agreement, w.department).then().statusCode(400)
                .body("errors.field", hasItem("content.terms.specification"));
        terms.put("specification", "本町公園の清掃（週2回）、花壇の管理、利用案内。月次報告を提出する。");
        FormSteps.edit("staff1", agreement, w.department, content);
        w.signByBoth(agreement, FormSteps.frozen("staff1", agreement, w.department));
        FormSteps.procedure("partner1", agreement);

        String year = "/commission/years/" + FormSteps.YEAR;
        FormSteps.step("staff1", agreement, year + "/payment", Map.of("actingFor", dept, "paidOn",
                FormSteps.TODAY.toString())).then().statusCode(409);
        FormSteps.step("staff1", agreement, "/commission/inspector", Map.of("actingFor", dept, "inspectorSubject",
                DemoUsers.SIGNER1)).then().statusCode(200).body("inspectorSubject", equalTo(DemoUsers.SIGNER1));
        FormSteps.step("partner1", agreement, year + "/completion-report", Map.of("actingFor", npo, "completedOn",
                FormSteps.TODAY.toString(), "summary", "仕様書どおり実施")).then().statusCode(200)
                .body("expected.actor", equalTo("INSPECTOR"));
        FormSteps.step("staff1", agreement, year + "/inspection", Map.of("actingFor", dept, "result", "PASSED"))
                .then().statusCode(403);
        FormSteps.step("signer1", agreement, year + "/inspection", Map.of("actingFor", dept, "result", "RETURNED",
                "findings", "月次報告が2か月分不足している")).then().statusCode(200).body("state", equalTo("RETURNED"));
        FormSteps.step("partner1", agreement, year + "/invoice", Map.of("actingFor", npo, "amountYen", 1_500_000))
                .then().statusCode(409);
        FormSteps.step("partner1", agreement, year + "/completion-report", Map.of("actingFor", npo, "completedOn",
                FormSteps.TODAY.toString(), "summary", "月次報告を追完した")).then().statusCode(200);
        FormSteps.step("signer1", agreement, year + "/inspection", Map.of("actingFor", dept, "result", "PASSED"))
                .then().statusCode(200).body("state", equalTo("AWAITING_INVOICE")).body("toPayYen", equalTo(1_500_000));
        FormSteps.step("partner1", agreement, year + "/invoice", Map.of("actingFor", npo, "amountYen", 1_500_000))
                .then().statusCode(200).body("expected.dueOn", equalTo(FormSteps.TODAY.plusDays(30).toString()));
        FormSteps.step("staff1", agreement, year + "/payment", Map.of("actingFor", dept, "paidOn",
                FormSteps.TODAY.toString())).then().statusCode(200).body("state", equalTo("PAID"));
        assertEquals(200, w.complete(agreement).statusCode());
    }
}
