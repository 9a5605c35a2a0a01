package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.path.json.JsonPath;

/**
 * 補助: a proposal that chose SUBSIDY is adopted and its form carries over; the partner files the application (a frozen
 * version), which the parties cannot sign — the department's signatory decides it (交付決定, refused above what was
 * applied for); then the year's grant: 概算払, 実績報告, 額の確定 (a fixed amount above the decision is a 400), 請求,
 * 支払 (outside the closing period a 400), completion, and the decision and fixed amount in the public record.
 */
@ExtendWith(SystemUnderTest.class)
class SubsidyProcedureIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSubsidyFromAnAdoptedProposalIsDecidedByTheCityAndRunsItsYearToPayment() throws Exception {
        FormSteps w = FormSteps.world();
        try (KafkaEvents events = KafkaEvents.fromNow(Kyodo.AGREEMENTS_TOPIC)) {
            UUID agreement = adoptedSubsidy(w);
            String dept = w.department.toString();
            String npo = w.npo.toString();

            // The application: the agreement drafted from the proposal, completed by the partner and frozen.
            Map<String, Object> content = w.costs(w.content("SUBSIDY", "花壇づくりの補助事業"), 800_000, 800_000L,
                    800_000);
            content.put("terms", Map.of("form", "SUBSIDY", "programName", "協働事業補助金", "eligibleExpenses", "謝金・消耗品"));
            FormSteps.edit("partner1", agreement, w.npo, content);
            JsonPath application = FormSteps.frozen("partner1", agreement, w.npo);
            Gateway.as("partner1").body(Map.of("actingFor", npo, "documentVersion", 1)).post(
                    "/api/agreements/" + agreement + "/signatures").then().statusCode(409)
                    .body("type", equalTo("urn:kyodo:problem:wrong-way-into-force"));
            FormSteps.procedure("staff1", agreement);

            Map<String, Object> decision = decision(dept, application, 900_000);
            Gateway.as("staff1").body(decision).post("/api/agreements/" + agreement + "/decision").then().statusCode(403);
            Gateway.as("signer1").body(decision).post("/api/agreements/" + agreement + "/decision").then()
                    .statusCode(400).body("errors.field", hasItem("grant.amountYen"));
            Gateway.as("signer1").body(decision(dept, application, 800_000)).post("/api/agreements/" + agreement
                    + "/decision").then().statusCode(200).body("lifecycle.state", equalTo("ACTIVE"))
                    .body("grantYears[0].state", equalTo("DECIDED"))
                    .body("grantYears[0].expected.step", equalTo("RESULTS_REPORT"));

            String year = "/grant-years/" + FormSteps.YEAR;
            assertEquals(200, FormSteps.step("staff1", agreement, year + "/advance-payments", Map.of("actingFor", dept,
                    "amountYen", 400_000, "paidOn", FormSteps.TODAY.toString())).statusCode());
            assertEquals(200, FormSteps.step("partner1", agreement, year + "/results-report", Map.of("actingFor", npo,
                    "actualCostYen", 1_450_000, "summary", "花壇づくりを12回実施した")).statusCode());
            // 額の確定: never above the decision (400); the rule gives 700,000 (1,401,500 × 1/2, rounded down).
            FormSteps.step("signer1", agreement, year + "/amount-fixing", Map.of("actingFor", dept, "eligibleCostYen",
                    1_401_500, "fixedAmountYen", 850_000)).then().statusCode(400)
                    .body("errors.field", hasItem("fixedAmountYen"));
            FormSteps.step("signer1", agreement, year + "/amount-fixing", Map.of("actingFor", dept, "eligibleCostYen",
                    1_401_500)).then().statusCode(200).body("fixedAmountYen", equalTo(700_000))
                    .body("toPayYen", equalTo(300_000));
            FormSteps.step("partner1", agreement, year + "/invoice", Map.of("actingFor", npo, "amountYen", 300_000))
                    .then().statusCode(200).body("state", equalTo("INVOICED"));
            FormSteps.step("staff1", agreement, year + "/payment", Map.of("actingFor", dept, "paidOn",
                    (FormSteps.YEAR + 1) + "-06-01")).then().statusCode(400).body("errors.field", hasItem("paidOn"));
            FormSteps.step("staff1", agreement, year + "/payment", Map.of("actingFor", dept, "paidOn",
                    FormSteps.TODAY.toString())).then().statusCode(200).body("state", equalTo("PAID"));
            assertEquals(200, w.complete(agreement).statusCode());

            Map<String, Object> published = FormSteps.openDataRecord("subsidy-grants", agreement);
            assertEquals(800_000, published.get("decidedAmountYen"));
            assertEquals(700_000, published.get("fixedAmountYen"));
            assertEquals("1/2", published.get("rate"));
            JsonNode fixed = JSON.readTree(events.await("jp.kyodo.agreement.grant-amount-fixed.v1",
                    r -> agreement.toString().equals(r.key()), Duration.ofSeconds(60)).value());
            assertEquals(700_000, fixed.at("/details/fixedAmountYen").asLong());
            assertEquals("INVOICE", fixed.at("/expected/step").asText());
            // A subsidy is evaluated: its plan follows the activation.
            Eventually.until("evaluation-service made the subsidy's plan", Eventually.CROSS_SERVICE,
                    () -> !CollaborationSteps.plansOf(agreement).isEmpty());
        }
    }

    /** A citizen-initiated proposal of the NPO that chose SUBSIDY, adopted; its agreement (drafted in that form). */
    private static UUID adoptedSubsidy(FormSteps w) {
        Map<String, Object> body = Kyodo.proposal(w.npo, null, w.department, "花壇づくり " + w.tag, FormSteps.YEAR,
                800_000);
        body.put("collaborationForm", "SUBSIDY");
        UUID proposal = Kyodo.createProposalOnceKnown("partner1", body);
        Kyodo.submitOnceVerified("partner1", proposal, w.npo);
        String base = "/api/proposals/" + proposal;
        String consulted = Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", w.department.toString())).post(base + "/consultation").then()
                .statusCode(200).extract().header("ETag");
        Gateway.as("staff1").header("If-Match", consulted).body(Map.of("actingFor", w.department.toString(),
                "reviewers", List.of(DemoUsers.REVIEWER1))).post(base + "/screening").then().statusCode(200);
        Gateway.as("reviewer1").body(MatrixFixture.scores("補助の審査")).post(base + "/scores").then().statusCode(201);
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base)).body(Map.of("actingFor",
                w.department.toString(), "outcome", "ADOPTED", "rationale", "地域の担い手づくりに資する"))
                .post(base + "/decision").then().statusCode(200);
        UUID agreement = Eventually.await("agreement-service drafted the adopted proposal's agreement",
                Eventually.CROSS_SERVICE, () -> CollaborationSteps.agreementsOf(proposal).stream().findFirst()
                        .map(UUID::fromString));
        Gateway.as("staff1").get("/api/agreements/" + agreement + "/procedure").then().statusCode(200)
                .body("form", equalTo("SUBSIDY")).body("lifecycle.signers", equalTo("CITY_ALONE"));
        Eventually.until("agreement-service lets partner1 read it", Eventually.CROSS_SERVICE,
                () -> Gateway.as("partner1").get("/api/agreements/" + agreement).then().extract().statusCode() == 200);
        assertFalse(agreement.toString().isEmpty());
        return agreement;
    }

    private static Map<String, Object> decision(String dept, JsonPath application, long amount) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("form", "SUBSIDY");
        d.put("actingFor", dept);
        d.put("documentVersion", application.getInt("documentVersion"));
        d.put("contentSha256", application.getString("contentSha256"));
        d.put("outcome", "GRANTED");
        d.put("grant", Map.of("fiscalYear", FormSteps.YEAR, "amountYen", amount, "rate",
                Map.of("numerator", 1, "denominator", 2), "capYen", 1_000_000, "conditions", "事業の変更は事前に申請すること"));
        return d;
    }
}
