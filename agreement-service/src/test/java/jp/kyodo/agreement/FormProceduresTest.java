package jp.kyodo.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.kyodo.agreement.domain.AgreementTasks;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.tasks.TaskPublisher;
import jp.kyodo.platform.testing.KafkaRecords;

/** Each form's own steps through the HTTP API: the rules, the refusals, the events and the public record. */
@QuarkusTest
class FormProceduresTest extends AgreementTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    private static final int YEAR = FiscalYear.containing(TODAY).year();

    // ------------------------------------------------------------------------------------------ 補助

    @Test
    void aSubsidyIsDecidedByTheCityAloneAndRunsItsYearFromAdvanceToPayment() {
        Parties p = parties(2_000_000L);
        Map<String, Object> c = thisYear(content(p, "SUBSIDY", "B"), p, 800_000, 800_000L);
        c.put("terms", Map.of("form", "SUBSIDY", "programName", "協働事業補助金"));
        UUID id = open(p, c);
        JsonPath frozen = submit(id, p.department()).then().statusCode(201).extract().jsonPath();
        String decisionTask = AgreementTasks.decision(id, 1, p.department()).taskId().toString();
        assertThat(fact(TaskPublisher.OPENED, decisionTask).at("/addressee/organizationId").asText())
                .as("the department decides the application").isEqualTo(p.department().toString());
        procedure(id).then().body("form", equalTo("SUBSIDY")).body("lifecycle.signers", equalTo("CITY_ALONE"))
                .body("lifecycle.documentKind", equalTo("GRANT_DECISION_NOTICE"))
                .body("lifecycle.decisionDueOn", equalTo(TODAY.plusDays(30).toString()));

        // Not signed by the parties: decided by the city's signatory.
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:wrong-way-into-force"));
        asStaff();
        decide(id, grant(p, 1, 800_000)).then().statusCode(403);
        asSigner();
        decide(id, grant(p, 1, 900_000)).then().statusCode(400).body("errors.field", hasItem("grant.amountYen"));
        decide(id, grant(p, 1, 800_000)).then().statusCode(200).body("lifecycle.state", equalTo("ACTIVE"))
                .body("grantYears[0].state", equalTo("DECIDED"))
                .body("grantYears[0].expected.step", equalTo("RESULTS_REPORT"))
                .body("grantYears[0].expected.actor", equalTo("PARTNER"));
        fact(TaskPublisher.COMPLETED, decisionTask);
        JsonNode resultsReportTask = procedureTasks(id, "RESULTS_REPORT", 1).get(0);
        assertThat(resultsReportTask.at("/addressee/organizationId").asText()).isEqualTo(p.npo().toString());
        assertThat(resultsReportTask.path("fiscalYear").asInt()).isEqualTo(YEAR);
        assertThat(resultsReportTask.path("dueOn").asText()).isNotBlank();
        assertThat(resultsReportTask.at("/title/ja").asText()).contains("実績報告");
        JsonNode decided = payloadOf("jp.kyodo.agreement.grant-decided.v1", id, Duration.ofSeconds(20));
        assertThat(decided.at("/details/decidedAmountYen").asLong()).isEqualTo(800_000);
        assertThat(decided.at("/expected/step").asText()).isEqualTo("RESULTS_REPORT");
        JsonNode activated = payloadOf("jp.kyodo.agreement.activated.v1", id, Duration.ofSeconds(20));
        assertThat(activated.get("evaluated").asBoolean()).isTrue();
        assertThat(frozen.getString("contentSha256")).isNotBlank();
        assertThat(taskKeys()).as("nobody was asked to sign, so no signature task opened or ended")
                .doesNotContain(AgreementTasks.signature(id, 1, p.department()).taskId().toString(),
                        AgreementTasks.signature(id, 1, p.npo()).taskId().toString());

        String year = "/api/agreements/" + id + "/grant-years/" + YEAR;
        asStaff();
        step(year + "/advance-payments", Map.of("actingFor", p.department().toString(), "amountYen", 900_000,
                "paidOn", TODAY.toString())).then().statusCode(400).body("errors.field", hasItem("amountYen"));
        step(year + "/advance-payments", Map.of("actingFor", p.department().toString(), "amountYen", 400_000,
                "paidOn", TODAY.toString())).then().statusCode(200).body("advancesPaidYen", equalTo(400_000));

        asPartner();
        Map<String, Object> report = Map.of("actingFor", p.npo().toString(), "actualCostYen", 1_450_000,
                "summary", "花壇づくりを12回実施した");
        json().body(report).post(year + "/results-report").then().statusCode(428);
        json().header("If-Match", "\"1\"").body(report).post(year + "/results-report").then().statusCode(412);
        step(year + "/results-report", report).then().statusCode(200).body("state", equalTo("REPORTED"))
                .body("expected.step", equalTo("AMOUNT_FIXING"));
        fact(TaskPublisher.COMPLETED, resultsReportTask.path("taskId").asText());
        assertThat(procedureTasks(id, "AMOUNT_FIXING", 1).get(0).at("/addressee/organizationId").asText())
                .isEqualTo(p.department().toString());

        // 額の確定: never above the decision; the rule gives min(800,000, 1,401,500 × 1/2, 1,000,000) → 700,000.
        asSigner();
        step(year + "/amount-fixing", Map.of("actingFor", p.department().toString(), "eligibleCostYen", 1_401_500,
                "fixedAmountYen", 850_000)).then().statusCode(400).body("errors.field", hasItem("fixedAmountYen"));
        step(year + "/amount-fixing", Map.of("actingFor", p.department().toString(), "eligibleCostYen", 1_401_500))
                .then().statusCode(200).body("fixedAmountYen", equalTo(700_000)).body("toPayYen", equalTo(300_000))
                .body("state", equalTo("AWAITING_INVOICE"));

        asPartner();
        step(year + "/invoice", Map.of("actingFor", p.npo().toString(), "amountYen", 700_000)).then().statusCode(400)
                .body("errors.field", hasItem("amountYen"));
        step(year + "/invoice", Map.of("actingFor", p.npo().toString(), "amountYen", 300_000)).then().statusCode(200)
                .body("expected.dueOn", equalTo(TODAY.plusDays(30).toString()));
        asStaff();
        LocalDate afterClosing = LocalDate.of(YEAR + 1, 6, 1);
        step(year + "/payment", Map.of("actingFor", p.department().toString(), "paidOn", afterClosing.toString()))
                .then().statusCode(400).body("errors.field", hasItem("paidOn"));
        step(year + "/payment", Map.of("actingFor", p.department().toString(), "paidOn", TODAY.toString())).then()
                .statusCode(200).body("state", equalTo("PAID")).body("paidYen", equalTo(300_000));
        complete(id, p).then().statusCode(200).body("state", equalTo("COMPLETED"));

        anonymous();
        RestAssured.given().queryParam("fiscalYear", YEAR).get("/api/agreements/open-data/subsidy-grants").then()
                .statusCode(200).body("records.find { it.agreementId == '" + id + "' }.decidedAmountYen",
                        equalTo(800_000))
                .body("records.find { it.agreementId == '" + id + "' }.fixedAmountYen", equalTo(700_000))
                .body("records.find { it.agreementId == '" + id + "' }.rate", equalTo("1/2"));
    }

    @Test
    void aRefusedApplicationEndsWithItsReasonsAndACancelledGrantOrdersTheAdvanceBack() {
        Parties p = parties(null);
        Map<String, Object> c = thisYear(content(p, "SUBSIDY", "B"), p, 500_000, 500_000L);
        c.put("terms", Map.of("form", "SUBSIDY", "programName", "協働事業補助金"));
        UUID refused = open(p, c);
        submit(refused, p.department()).then().statusCode(201);
        asSigner();
        Map<String, Object> refusal = new LinkedHashMap<>(grant(p, 1, 0));
        refusal.put("outcome", "REFUSED");
        refusal.remove("grant");
        decide(refused, refusal).then().statusCode(400).body("errors.field", hasItem("reasons"));
        refusal.put("reasons", List.of("予算の範囲を超える"));
        decide(refused, refusal).then().statusCode(200).body("lifecycle.state", equalTo("REFUSED"));
        assertThat(payloadOf("jp.kyodo.agreement.refused.v1", refused, Duration.ofSeconds(20)).get("reasons").get(0)
                .asText()).isEqualTo("予算の範囲を超える");

        UUID cancelled = open(p, c);
        submit(cancelled, p.department()).then().statusCode(201);
        asSigner();
        decide(cancelled, grant(p, 1, 500_000)).then().statusCode(200);
        String year = "/api/agreements/" + cancelled + "/grant-years/" + YEAR;
        asStaff();
        step(year + "/advance-payments", Map.of("actingFor", p.department().toString(), "amountYen", 200_000,
                "paidOn", TODAY.toString())).then().statusCode(200);
        complete(cancelled, p).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:procedure-open"));
        asSigner();
        step(year + "/cancellation", Map.of("actingFor", p.department().toString(), "reason", "交付の条件に違反した"))
                .then().statusCode(200).body("state", equalTo("REFUND_ORDERED")).body("toReturnYen", equalTo(200_000))
                .body("expected.step", equalTo("REFUND"));
        asStaff();
        step(year + "/refund", Map.of("actingFor", p.department().toString(), "receivedOn", TODAY.toString())).then()
                .statusCode(200).body("state", equalTo("REFUNDED"));
    }

    // ------------------------------------------------------------------------------------------ 協働型委託

    @Test
    void aCommissionNeedsItsSpecificationAndIsPaidOnlyAfterItsInspectionPassed() {
        Parties p = parties(5_000_000L);
        Map<String, Object> c = thisYear(content(p, "COLLABORATIVE_COMMISSION", "C"), p, 1_500_000, null);
        Map<String, Object> terms = new LinkedHashMap<>(Map.of("form", "COLLABORATIVE_COMMISSION",
                "paymentTerms", "ADVANCE_PAYMENT", "advanceLimitPercent", 30, "divisionOfRoles", "企画は市、実施は団体"));
        c.put("terms", terms);
        UUID id = open(p, c);
        submit(id, p.department()).then().statusCode(400).body("errors.field", hasItem("content.terms.specification"));
        terms.put("specification", "公園の管理運営（清掃・花壇・利用案内）を行い、月次報告を提出する");
        asStaff();
        Response working = RestAssured.given().get("/api/agreements/" + id + "/working-copy");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.department().toString(),
                "content", c)).put("/api/agreements/" + id + "/working-copy").then().statusCode(200)
                .body("readiness", org.hamcrest.Matchers.empty());
        submit(id, p.department()).then().statusCode(201);
        asSigner();
        sign(id, p.department(), 1).then().statusCode(201);
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(201);
        procedure(id).then().body("lifecycle.documentKind", equalTo("COMMISSION_CONTRACT"))
                .body("years[0].state", equalTo("IN_PROGRESS")).body("years[0].contractAmountYen", equalTo(1_500_000));

        String year = "/api/agreements/" + id + "/commission/years/" + YEAR;
        asStaff();
        step(year + "/payment", Map.of("actingFor", p.department().toString(), "paidOn", TODAY.toString())).then()
                .statusCode(409).body("type", equalTo("urn:kyodo:problem:invalid-transition"));
        step(year + "/advance-payments", Map.of("actingFor", p.department().toString(), "amountYen", 450_001,
                "paidOn", TODAY.toString())).then().statusCode(400);
        step(year + "/advance-payments", Map.of("actingFor", p.department().toString(), "amountYen", 450_000,
                "paidOn", TODAY.toString())).then().statusCode(200);
        step("/api/agreements/" + id + "/commission/inspector", Map.of("actingFor", p.department().toString(),
                "inspectorSubject", SIGNER1)).then().statusCode(200).body("inspectorSubject", equalTo(SIGNER1));

        asPartner();
        step(year + "/completion-report", Map.of("actingFor", p.npo().toString(), "completedOn", TODAY.toString()))
                .then().statusCode(200).body("state", equalTo("REPORTED"))
                .body("expected.actor", equalTo("INSPECTOR")).body("expected.dueOn", equalTo(TODAY.plusDays(10)
                        .toString()));
        JsonNode inspectionTask = procedureTasks(id, "INSPECTION", 1).get(0);
        assertThat(inspectionTask.at("/addressee/subject").asText()).as("the appointed inspector").isEqualTo(SIGNER1);
        assertThat(inspectionTask.path("dueOn").asText()).isEqualTo(TODAY.plusDays(10).toString());
        asStaff();
        step(year + "/inspection", Map.of("actingFor", p.department().toString(), "result", "PASSED")).then()
                .statusCode(403);
        asSigner();
        step(year + "/inspection", Map.of("actingFor", p.department().toString(), "result", "RETURNED")).then()
                .statusCode(400).body("errors.field", hasItem("findings"));
        step(year + "/inspection", Map.of("actingFor", p.department().toString(), "result", "RETURNED",
                "findings", "月次報告が2か月分不足")).then().statusCode(200).body("state", equalTo("RETURNED"));
        fact(TaskPublisher.COMPLETED, inspectionTask.path("taskId").asText());
        List<JsonNode> reportTasks = procedureTasks(id, "COMPLETION_REPORT", 2);
        assertThat(reportTasks.get(1).path("taskId").asText()).as("a report asked for again is a task of its own")
                .isNotEqualTo(reportTasks.get(0).path("taskId").asText());
        fact(TaskPublisher.COMPLETED, reportTasks.get(0).path("taskId").asText());
        asPartner();
        step(year + "/invoice", Map.of("actingFor", p.npo().toString(), "amountYen", 1_050_000)).then().statusCode(409);
        step(year + "/completion-report", Map.of("actingFor", p.npo().toString(), "completedOn", TODAY.toString()))
                .then().statusCode(200);
        asSigner();
        step(year + "/inspection", Map.of("actingFor", p.department().toString(), "result", "PASSED")).then()
                .statusCode(200).body("state", equalTo("AWAITING_INVOICE")).body("toPayYen", equalTo(1_050_000))
                .body("returnedCount", equalTo(1));
        asPartner();
        step(year + "/invoice", Map.of("actingFor", p.npo().toString(), "amountYen", 1_050_000)).then().statusCode(200);
        asStaff();
        step(year + "/payment", Map.of("actingFor", p.department().toString(), "paidOn", TODAY.toString())).then()
                .statusCode(200).body("state", equalTo("PAID"));
        JsonNode inspected = payloadOf("jp.kyodo.agreement.commission-inspected.v1", id, Duration.ofSeconds(20));
        assertThat(inspected.at("/entered/result").asText()).isIn("RETURNED", "PASSED");
        complete(id, p).then().statusCode(200);
    }

    // ------------------------------------------------------------------------------------------ 後援

    @Test
    void anOrganisationAppliesForAnEndorsementWhichTheExclusionRulesMayForbid() {
        Parties p = parties(null);
        asPartner();
        Map<String, Object> application = endorsement(p, TODAY.minusDays(1), true);
        json().body(Map.of("actingFor", p.npo().toString(), "content", content(p, "AGREEMENT", "B"))).post("/api/agreements")
                .then().statusCode(403);
        String id = json().body(Map.of("actingFor", p.npo().toString(), "content", application))
                .post("/api/agreements").then().statusCode(201).extract().path("id");
        UUID political = UUID.fromString(id);
        // Received at least the configured days (0 in tests) before the event: yesterday is too late.
        submit(political, p.npo()).then().statusCode(400).body("errors.field", hasItem("content.terms.firstDay"));
        application.put("terms", endorsementTerms(TODAY, true));
        Response working = RestAssured.given().get("/api/agreements/" + political + "/working-copy");
        json().header("If-Match", working.header("ETag")).body(Map.of("actingFor", p.npo().toString(),
                "content", application)).put("/api/agreements/" + political + "/working-copy").then().statusCode(200);
        submit(political, p.npo()).then().statusCode(201);
        procedure(political).then().body("endorsement.state", equalTo("RECEIVED"))
                .body("endorsement.exclusions", hasItem("POLITICAL_PURPOSE"))
                .body("endorsement.expected.dueOn", equalTo(TODAY.plusDays(14).toString()));
        asSigner();
        decide(political, endorsementDecision(p, "APPROVED", null)).then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:endorsement-excluded"));
        decide(political, endorsementDecision(p, "REFUSED", List.of("政治的目的を有する事業のため"))).then()
                .statusCode(200).body("lifecycle.state", equalTo("REFUSED")).body("endorsement.state", equalTo("REFUSED"))
                .body("endorsement.refusalReasons", hasItem("政治的目的を有する事業のため"));

        asPartner();
        String other = json().body(Map.of("actingFor", p.npo().toString(), "content", endorsement(p, TODAY, false)))
                .post("/api/agreements").then().statusCode(201).extract().path("id");
        UUID lecture = UUID.fromString(other);
        submit(lecture, p.npo()).then().statusCode(201);
        asSigner();
        decide(lecture, endorsementDecision(p, "APPROVED", null)).then().statusCode(200)
                .body("lifecycle.state", equalTo("ACTIVE")).body("endorsement.state", equalTo("APPROVED"))
                .body("endorsement.expected.step", equalTo("EVENT_REPORT"));
        assertThat(payloadOf("jp.kyodo.agreement.activated.v1", lecture, Duration.ofSeconds(20)).get("evaluated")
                .asBoolean()).isFalse();
        asPartner();
        step("/api/agreements/" + lecture + "/endorsement/event-report", Map.of("actingFor", p.npo().toString(),
                "heldOn", TODAY.toString(), "attendance", 180, "summary", "講演会に180名が参加した")).then()
                .statusCode(200).body("lifecycle.state", equalTo("COMPLETED")).body("endorsement.attendance", equalTo(180));
        anonymous();
        RestAssured.given().get("/api/agreements/open-data/endorsed-events").then().statusCode(200)
                .body("records.agreementId", hasItem(lecture.toString()))
                .body("records.agreementId", org.hamcrest.Matchers.not(hasItem(political.toString())));
    }

    // ------------------------------------------------------------------------------------------ 共催・事業協力・アダプト

    @Test
    void coHostedEventsAreReportedBeforeCompletionAndMoneyFlowsOnlyWithACityBurden() {
        Parties p = parties(null);
        Map<String, Object> c = thisYear(content(p, "CO_HOSTING", "C"), p, 0, null);
        c.put("terms", Map.of("form", "CO_HOSTING", "arrangement", "EXECUTIVE_COMMITTEE", "committeeName", "まつり実行委員会",
                "events", List.of(Map.of("name", "市民まつり", "firstDay", TODAY.toString(), "lastDay",
                        TODAY.toString(), "place", "中央公園"))));
        UUID id = open(p, c);
        submit(id, p.department()).then().statusCode(400).body("errors.field", hasItem("content.terms.committeeRules"));
        UUID complete = activeAgreement(p, withTerms(c, "committeeRules", "第1条 本会は市民まつり実行委員会と称する"));
        String event = procedure(complete).then().body("cityBearsCosts", equalTo(false)).extract()
                .path("events[0].eventId");
        asPartner();
        json().body(Map.of("actingFor", p.npo().toString(), "fiscalYear", YEAR, "lines",
                List.of(Map.of("item", "備品", "actualYen", 1000)))).post("/api/agreements/" + complete + "/cost-reports")
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:form-without-step"));
        asStaff();
        complete(complete, p).then().statusCode(409);
        asPartner();
        step("/api/agreements/" + complete + "/hosted-events/" + event + "/report", Map.of("actingFor",
                p.npo().toString(), "heldOn", TODAY.toString(), "attendance", 1200, "summary", "来場者1200名"))
                .then().statusCode(200).body("events[0].state", equalTo("REPORTED"));
        complete(complete, p).then().statusCode(200);
    }

    @Test
    void lentGoodsComeBackAndEveryPeriodIsReported() {
        Parties p = parties(null);
        Map<String, Object> c = thisYear(content(p, "PROJECT_COOPERATION", "B"), p, 0, null);
        c.put("terms", Map.of("form", "PROJECT_COOPERATION", "reportIntervalMonths", 6, "goods", List.of(
                Map.of("item", "防犯ベスト", "quantity", 20, "provision", "LENT", "lentOn", TODAY.toString(),
                        "returnBy", FiscalYear.of(YEAR).lastDay().toString()),
                Map.of("item", "啓発チラシ", "quantity", 500, "provision", "SUPPLIED", "lentOn", TODAY.toString()))));
        UUID id = activeAgreement(p, c);
        String goods = procedure(id).then().body("lentGoods.size()", equalTo(1)).extract().path("lentGoods[0].goodsId");
        asPartner();
        Map<String, Object> report = Map.of("form", "PROJECT_COOPERATION", "actingFor", p.npo().toString(),
                "summary", "夜間パトロールを月4回実施した");
        json().body(report).post("/api/agreements/" + id + "/activity-reports").then().statusCode(201)
                .body("activityReports[0].period", equalTo(1));
        json().body(Map.of("form", "ADOPT_PROGRAM", "actingFor", p.npo().toString(), "activityOn", TODAY.toString(),
                "participants", 3, "workDone", "清掃")).post("/api/agreements/" + id + "/activity-reports").then()
                .statusCode(409);
        json().body(report).post("/api/agreements/" + id + "/activity-reports").then().statusCode(201)
                .body("activityReports[1].period", equalTo(2));
        asStaff();
        complete(id, p).then().statusCode(409);
        step("/api/agreements/" + id + "/lent-goods/" + goods + "/return", Map.of("actingFor", p.department().toString(),
                "returnedOn", TODAY.toString(), "condition", "異常なし")).then().statusCode(200)
                .body("lentGoods[0].state", equalTo("RETURNED"));
        complete(id, p).then().statusCode(200);
    }

    @Test
    void aGroupAdoptsAPlaceRequestsSuppliesAndIsNamedInPublicOnlyWithItsConsent() {
        Parties p = parties(null);
        Map<String, Object> c = thisYear(content(p, "ADOPT_PROGRAM", "B"), p, 0, null);
        c.put("terms", Map.of("form", "ADOPT_PROGRAM", "groupNamePublic", false, "place", Map.of("name", "本町公園",
                "kind", "PARK", "location", "本町1-1", "extent", "園内全域")));
        asPartner();
        String created = json().body(Map.of("actingFor", p.npo().toString(), "content", c)).post("/api/agreements")
                .then().statusCode(201).extract().path("id");
        UUID id = UUID.fromString(created);
        submit(id, p.npo()).then().statusCode(201);
        sign(id, p.npo(), 1).then().statusCode(201);
        asSigner();
        sign(id, p.department(), 1).then().statusCode(201);
        asPartner();
        json().body(Map.of("actingFor", p.npo().toString(), "items", List.of(Map.of("item", "ごみ袋", "quantity", 100))))
                .post("/api/agreements/" + id + "/supply-requests").then().statusCode(201)
                .body("supplyRequests[0].state", equalTo("REQUESTED"))
                .body("supplyRequests[0].expected.dueOn", equalTo(TODAY.plusDays(14).toString()));
        json().body(Map.of("form", "ADOPT_PROGRAM", "actingFor", p.npo().toString(), "activityOn", TODAY.toString(),
                "participants", 8, "workDone", "園内清掃", "wasteCollectedKg", 12.5))
                .post("/api/agreements/" + id + "/activity-reports").then().statusCode(201)
                .body("activityReports[0].wasteCollectedKg", equalTo(12.5f));
        String request = procedure(id).then().extract().path("supplyRequests[0].requestId");
        asStaff();
        step("/api/agreements/" + id + "/supply-requests/" + request + "/decision", Map.of("actingFor",
                p.department().toString(), "approved", true, "answer", "公園事務所で受け取り")).then().statusCode(200)
                .body("supplyRequests[0].state", equalTo("APPROVED"));
        anonymous();
        RestAssured.given().get("/api/agreements/open-data/adopted-places").then().statusCode(200)
                .body("records.find { it.agreementId == '" + id + "' }.placeName", equalTo("本町公園"))
                .body("records.find { it.agreementId == '" + id + "' }.activitiesReported", equalTo(1))
                .body("records.find { it.agreementId == '" + id + "' }.groupName", equalTo(null));
        RestAssured.given().get("/api/agreements/public/" + id).then().statusCode(200)
                .body("tasksByParty.name", org.hamcrest.Matchers.not(hasItem("NPO法人 みどりの会")));
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The content with a term of the current fiscal year and the given city and partner lines. */
    private static Map<String, Object> thisYear(Map<String, Object> c, Parties p, long cityYen, Long declared) {
        c.put("term", Map.of("start", FiscalYear.of(YEAR).firstDay().toString(),
                "end", FiscalYear.of(YEAR).lastDay().toString()));
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("consumptionTaxIncluded", true);
        List<Object> lines = new ArrayList<>();
        if (cityYen > 0) {
            lines.add(line(p.department(), YEAR, "市の負担", cityYen));
        }
        lines.add(line(p.npo(), YEAR, "自己負担", 800_000));
        costs.put("lines", lines);
        costs.put("inKind", List.of());
        if (declared != null) {
            costs.put("declaredCityShareYen", declared);
        }
        c.put("costs", costs);
        c.put("milestones", List.of());
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withTerms(Map<String, Object> c, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(c);
        Map<String, Object> terms = new LinkedHashMap<>((Map<String, Object>) c.get("terms"));
        terms.put(key, value);
        copy.put("terms", terms);
        return copy;
    }

    private Map<String, Object> endorsement(Parties p, LocalDate day, boolean political) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", "子育て講演会");
        c.put("form", "ENDORSEMENT");
        c.put("activityArea", "B");
        c.put("field", "CHILD_REARING");
        c.put("purpose", "子育て中の市民に学びの場を提供する");
        c.put("term", Map.of("start", day.toString(), "end", day.toString()));
        c.put("parties", List.of(Map.of("organizationId", p.department().toString()),
                Map.of("organizationId", p.npo().toString())));
        c.put("terms", endorsementTerms(day, political));
        return c;
    }

    private static Map<String, Object> endorsementTerms(LocalDate day, boolean political) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("form", "ENDORSEMENT");
        t.put("firstDay", day.toString());
        t.put("lastDay", day.toString());
        t.put("place", "市民会館");
        t.put("feeCharged", false);
        t.put("expectedAudience", 200);
        t.put("politicalPurpose", political);
        t.put("religiousPurpose", false);
        t.put("commercialPurpose", false);
        return t;
    }

    private static Map<String, Object> grant(Parties p, int version, long amount) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("form", "SUBSIDY");
        d.put("actingFor", p.department().toString());
        d.put("documentVersion", version);
        d.put("outcome", "GRANTED");
        d.put("grant", Map.of("fiscalYear", YEAR, "amountYen", amount, "rate", Map.of("numerator", 1, "denominator", 2),
                "capYen", 1_000_000, "conditions", "事業の内容を変更するときは事前に承認を受けること"));
        return d;
    }

    private static Map<String, Object> endorsementDecision(Parties p, String outcome, List<String> reasons) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("form", "ENDORSEMENT");
        d.put("actingFor", p.department().toString());
        d.put("documentVersion", 1);
        d.put("outcome", outcome);
        d.put("conditions", "後援名義は「市後援」と表記すること");
        if (reasons != null) {
            d.put("reasons", reasons);
        }
        return d;
    }

    private Response procedure(UUID id) {
        Response r = RestAssured.given().get("/api/agreements/" + id + "/procedure");
        r.then().statusCode(200).header("ETag", notNullValue());
        return r;
    }

    /**
     * The first {@code count} tasks opened for a step of the agreement's procedure, in the order they were asked for
     * (their occurrence: the topic's partitions keep no order between tasks).
     */
    private List<JsonNode> procedureTasks(UUID id, String action, int count) {
        String link = "/api/agreements/" + id + "/procedure";
        try (KafkaRecords records = KafkaRecords.from(TaskPublisher.TOPIC)) {
            List<JsonNode> found = new ArrayList<>();
            records.await(r -> {
                if (!KafkaRecords.ofType(TaskPublisher.OPENED).test(r)) {
                    return false;
                }
                JsonNode task = read(KafkaRecords.value(r));
                if (link.equals(task.path("link").asText()) && action.equals(task.path("action").asText())) {
                    found.add(task);
                }
                return found.size() >= count;
            }, Duration.ofSeconds(20));
            found.sort(java.util.Comparator.comparingLong(task -> task.path("occurrence").asLong()));
            return found;
        }
    }

    private JsonNode fact(String type, String taskId) {
        try (KafkaRecords records = KafkaRecords.from(TaskPublisher.TOPIC)) {
            return read(KafkaRecords.value(records.await(r -> KafkaRecords.ofType(type).test(r)
                    && taskId.equals(r.key()), Duration.ofSeconds(20))));
        }
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the task facts published so far (read once the change that would publish them is announced). */
    private static List<String> taskKeys() {
        try (KafkaRecords records = KafkaRecords.from(TaskPublisher.TOPIC)) {
            return records.drain(Duration.ofSeconds(1)).stream().map(r -> r.key()).toList();
        }
    }

    private Response decide(UUID id, Map<String, Object> decision) {
        return json().body(decision).post("/api/agreements/" + id + "/decision");
    }

    /** A step with the agreement's current ETag. */
    private Response step(String path, Map<String, Object> body) {
        String id = path.split("/")[3];
        return json().header("If-Match", etag(UUID.fromString(id))).body(body).post(path);
    }

    private Response complete(UUID id, Parties p) {
        asStaff();
        return json().header("If-Match", etag(id)).body(Map.of("actingFor", p.department().toString(),
                "reason", "手続を終えた")).post("/api/agreements/" + id + "/completion");
    }
}
