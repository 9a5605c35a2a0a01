package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The whole life of one collaboration, through the gateway and across the four services: a department publishes a
 * theme, a verified NPO proposes, the two consult and revise, a committee screens (one reviewer refused for a
 * conflict of interest), the proposal is adopted, the agreement drafted from the event is negotiated, signed by both
 * sides and published, the evaluation plan appears, both parties self-assess under seal, the mutual review shows
 * where they diverge, findings are recorded and the round is published. Each step builds on the previous one; after
 * a failure the later steps are skipped.
 */
@ExtendWith(SystemUnderTest.class)
@ExtendWith(StopAfterFirstFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CollaborationLifecycleIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT = Duration.ofSeconds(60);
    private static final int FISCAL_YEAR = 2027;
    private static final long CITY_SHARE = 1_000_000;
    private static final long SIGNATORY_LIMIT = 5_000_000;

    private final String tag = Kyodo.tag();
    // Kafka keys: the aggregate's id: proposal, agreement, evaluation plan (plan-created) or round (round events).
    private KafkaEvents proposalEvents;
    private KafkaEvents agreementEvents;
    private KafkaEvents evaluationEvents;

    private UUID department;
    private UUID npo;
    private UUID theme;
    private UUID proposal;
    private Map<String, Object> proposalBody;
    private UUID agreement;
    private int documentVersion;
    private String contentSha256;
    private UUID plan;
    private UUID round;
    private long analystCasesBefore;

    @BeforeAll
    void listen() {
        proposalEvents = KafkaEvents.fromNow(Kyodo.PROPOSALS_TOPIC);
        agreementEvents = KafkaEvents.fromNow(Kyodo.AGREEMENTS_TOPIC);
        evaluationEvents = KafkaEvents.fromNow(Kyodo.EVALUATIONS_TOPIC);
    }

    @AfterAll
    void stopListening() {
        for (KafkaEvents events : new KafkaEvents[] {proposalEvents, agreementEvents, evaluationEvents}) {
            if (events != null) {
                events.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the actors

    @Test
    @Order(1)
    void aDepartmentWithAStaffMemberAndASignatoryWithAnAmountLimit() {
        department = Kyodo.registerDepartment("staff1", "市民協働推進課 " + tag);
        Kyodo.addMember("staff1", department, DemoUsers.SIGNER1, "SIGNATORY", SIGNATORY_LIMIT);
        Gateway.as("staff1").get("/api/directory/organizations/" + department + "/members").then().statusCode(200)
                .body("subject", hasItems(DemoUsers.STAFF1, DemoUsers.SIGNER1))
                .body("find { it.subject == '" + DemoUsers.SIGNER1 + "' }.amountLimitYen", equalTo((int) SIGNATORY_LIMIT));
    }

    @Test
    @Order(2)
    void aVerifiedNpoWithPartner1AsRepresentativeAndReviewer2AsAMember() {
        npo = Kyodo.registerNpo("staff1", "NPO法人みどりの森 " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
        // reviewer2 belongs to the NPO: a conflict of interest when screening its proposal.
        Kyodo.addMember("partner1", npo, DemoUsers.REVIEWER2, "MEMBER", null);
        Gateway.anonymous().get("/api/directory/public/organizations/" + npo).then().statusCode(200)
                .body("name", equalTo("NPO法人みどりの森 " + tag));
    }

    // ------------------------------------------------------------------------------------------ proposal

    @Test
    @Order(3)
    void staffPublishAThemeForTheDepartment() {
        Map<String, Object> body = Kyodo.theme(department, "市民公園の協働管理 " + tag, FISCAL_YEAR, 3_000_000);
        theme = Eventually.await("proposal-service knows the department", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = Gateway.as("staff1").body(body).post("/api/proposals/themes").then().extract();
            if (r.statusCode() == 201) {
                return Optional.of(UUID.fromString(r.path("id")));
            }
            if (r.statusCode() == 403) {
                return Optional.empty();
            }
            throw new IllegalStateException("POST theme: " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
        Gateway.anonymous().queryParam("open", true).queryParam("limit", 100).get("/api/proposals/themes").then()
                .statusCode(200).body("items.id", hasItem(theme.toString()));
        proposalEvents.await("jp.kyodo.theme.published.v1", r -> theme.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(4)
    void partner1ProposesForTheNpoInResponseToTheThemeAndSubmits() {
        proposalBody = Kyodo.proposal(npo, theme, department, "市民公園の花壇づくり " + tag, FISCAL_YEAR, CITY_SHARE);
        proposal = Kyodo.createProposalOnceKnown("partner1", proposalBody);
        // The draft is the proposers' own: a partner of another organisation does not see it.
        Gateway.as("partner2").get("/api/proposals/" + proposal).then().statusCode(403);
        Kyodo.submitOnceVerified("partner1", proposal, npo);
        Gateway.as("staff1").get("/api/proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("origin", equalTo("CITY_INITIATED"))
                .body("themeId", equalTo(theme.toString()))
                .body("referenceNumber", matchesPattern(FISCAL_YEAR + "-\\d{4}"))
                .body("fiscalYearEraName", equalTo("令和9年度"))
                .body("cityShareYen", equalTo((int) CITY_SHARE));
        proposalEvents.await("jp.kyodo.proposal.submitted.v1", r -> proposal.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(5)
    void consultationWithCommentsAndARevisedVersion() {
        String base = "/api/proposals/" + proposal;
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", department.toString())).post(base + "/consultation").then()
                .statusCode(200).body("status", equalTo("IN_CONSULTATION"));
        Gateway.as("staff1").body(Map.of("actingFor", department.toString(),
                        "body", "花壇の維持管理の体制を具体的に書いてください。")).post(base + "/consultation/comments")
                .then().statusCode(201).body("side", notNullValue());
        Gateway.as("partner1").body(Map.of("actingFor", npo.toString(),
                        "body", "近隣の自治会と当番表を作り、月2回の手入れを行います。")).post(base + "/consultation/comments")
                .then().statusCode(201);
        Gateway.as("partner1").get(base + "/consultation/comments").then().statusCode(200)
                .body("items", hasSize(2));

        Map<String, Object> revised = new LinkedHashMap<>(proposalBody);
        revised.put("approach", "月2回の手入れを近隣の自治会と当番制で行い、花壇づくりの講習会を開く");
        revised.put("revisionNote", "協議を受けて維持管理の体制を追記");
        String etag = Gateway.as("partner1").get(base).then().statusCode(200).extract().header("ETag");
        Gateway.as("partner1").body(revised).post(base + "/versions").then().statusCode(428);
        Gateway.as("partner1").header("If-Match", etag).body(revised).post(base + "/versions").then()
                .statusCode(201).body("number", equalTo(2));
        Gateway.as("staff1").get(base + "/versions").then().statusCode(200).body("number", equalTo(List.of(1, 2)));
        Gateway.as("staff1").get(base + "/versions/2/diff").then().statusCode(200).body("changes.toString()",
                org.hamcrest.Matchers.containsString("approach"));
        proposalEvents.await("jp.kyodo.proposal.revised.v1", r -> proposal.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(6)
    void screeningIsOpenedWithTwoReviewers() {
        // Only once proposal-service knows reviewer2 belongs to the NPO can it refuse reviewer2 for the conflict:
        // observed as reviewer2 being able to read the proposal as one of its proposers' members.
        Eventually.until("proposal-service knows reviewer2 is a member of the NPO", Eventually.CROSS_SERVICE,
                () -> Gateway.as("reviewer2").get("/api/proposals/" + proposal).then().extract().statusCode() == 200);
        Gateway.as("partner1").body(Map.of("actingFor", npo.toString(),
                        "reviewers", List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2)))
                .post("/api/proposals/" + proposal + "/screening").then().statusCode(403);
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", "/api/proposals/" + proposal))
                .body(Map.of("actingFor", department.toString(),
                        "reviewers", List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2)))
                .post("/api/proposals/" + proposal + "/screening").then().statusCode(200)
                .body("reviewers", equalTo(List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2)));
        Gateway.as("staff1").get("/api/proposals/" + proposal).then().body("status", equalTo("UNDER_SCREENING"));
        proposalEvents.await("jp.kyodo.proposal.screening-opened.v1", r -> proposal.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(7)
    void reviewer1ScoresAndReviewer2IsRefusedForAConflictOfInterest() {
        Map<String, Object> scores = Map.of("scores", List.of(
                score("PUBLIC_BENEFIT", 5), score("NEED_FOR_COLLABORATION", 4), score("FEASIBILITY", 4),
                score("PIONEERING", 3), score("SUSTAINABILITY", 4), score("BUDGET_SOUNDNESS", 4)));
        Gateway.as("reviewer2").body(scores).post("/api/proposals/" + proposal + "/scores").then()
                .statusCode(403).body("type", equalTo("urn:kyodo:problem:conflict-of-interest"));
        Gateway.as("reviewer1").body(scores).post("/api/proposals/" + proposal + "/scores").then()
                .statusCode(201).body("reviewer", equalTo(DemoUsers.REVIEWER1));
        Gateway.as("reviewer1").body(scores).post("/api/proposals/" + proposal + "/scores").then().statusCode(409);
        Gateway.as("staff1").get("/api/proposals/" + proposal + "/screening").then().statusCode(200)
                .body("submittedCount", equalTo(1));
    }

    private static Map<String, Object> score(String criterion, int score) {
        return Map.of("criterion", criterion, "score", score, "comment", "審査コメント");
    }

    @Test
    @Order(8)
    void theProposalIsAdoptedPublishedOnKafkaAndReadableWithoutLogin() throws IOException {
        String rationale = "地域の課題に即し、実現可能性が高い";
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", "/api/proposals/" + proposal))
                .body(Map.of("actingFor", department.toString(), "outcome", "ADOPTED",
                        "rationale", rationale)).post("/api/proposals/" + proposal + "/decision").then()
                .statusCode(200).body("status", equalTo("ADOPTED"));
        ConsumerRecord<String, String> adopted = proposalEvents.await("jp.kyodo.proposal.adopted.v1",
                r -> proposal.toString().equals(r.key()), EVENT);
        JsonNode payload = JSON.readTree(adopted.value());
        assertEquals(proposal.toString(), payload.path("proposalId").asText());
        assertEquals(department.toString(), payload.path("departmentId").asText());
        assertTrue(payload.path("proposingOrganizationIds").toString().contains(npo.toString()), payload.toString());
        assertEquals(proposal.toString(), KafkaEvents.header(adopted, "ce_subject"));

        Gateway.anonymous().get("/api/proposals/" + proposal).then().statusCode(200)
                .body("status", equalTo("ADOPTED"))
                .body("decisionRationale", equalTo(rationale))
                .body("approach", equalTo("月2回の手入れを近隣の自治会と当番制で行い、花壇づくりの講習会を開く"));
        Gateway.anonymous().queryParam("themeId", theme).get("/api/proposals/published").then().statusCode(200)
                .body("items.id", hasItem(proposal.toString()));
        String result = Gateway.anonymous().get("/api/proposals/" + proposal + "/screening-result").then()
                .statusCode(200).extract().asString();
        assertFalse(result.contains("審査コメント"), "the public screening result carries no reviewer comments: " + result);
        assertFalse(result.contains(DemoUsers.REVIEWER1), "the public screening result names no reviewer: " + result);
    }

    // ------------------------------------------------------------------------------------------ agreement

    @Test
    @Order(9)
    void theAgreementDraftAppearsFromTheAdoptionEvent() {
        agreement = Eventually.await("agreement-service drafted the agreement of the adopted proposal",
                Eventually.CROSS_SERVICE, () -> {
                    List<String> ids = Gateway.as("staff1").queryParam("proposalId", proposal).get("/api/agreements")
                            .then().statusCode(200).extract().jsonPath().getList("items.id");
                    return ids.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(ids.get(0)));
                });
        Gateway.as("partner1").get("/api/agreements/" + agreement).then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("proposalId", equalTo(proposal.toString()))
                .body("parties.organizationId", hasItems(npo.toString(), department.toString()))
                .body("parties.actorType", hasItems("CITY_DEPARTMENT", "CIVIC_GROUP"));
        Gateway.as("partner2").get("/api/agreements/" + agreement).then().statusCode(403);
        agreementEvents.await("jp.kyodo.agreement.drafted.v1", r -> agreement.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(10)
    void bothSidesEditTheWorkingCopyWithETags() throws IOException {
        String path = "/api/agreements/" + agreement + "/working-copy";

        // The NPO's side: its tasks, insurance, an activity indicator and a satisfaction target.
        ExtractableResponse<Response> npoView = Gateway.as("partner1").get(path).then().statusCode(200).extract();
        String npoEtag = npoView.header("ETag");
        ObjectNode content = (ObjectNode) JSON.readTree(npoView.asString()).path("content");
        assertEquals("JOINT_FUNDING", content.path("form").asText());
        ArrayNode tasks = content.putArray("tasks");
        tasks.add(task("花壇づくりと清掃の企画・実施", npo, department));
        ArrayNode liabilities = content.putArray("liabilities");
        liabilities.addObject().put("kind", "INSURANCE").put("description", "参加者のボランティア保険に加入する")
                .put("responsiblePartyId", npo.toString());
        ObjectNode targets = content.with("targets");
        targets.putArray("indicators").addObject().put("name", "活動参加者数").put("unit", "人").put("targetValue", 300);
        targets.putObject("satisfactionTarget").put("targetPercent", 80).put("method", "参加者アンケート");
        String staleForStaff = npoEtag;
        String afterNpo = Gateway.as("partner1").header("If-Match", npoEtag)
                .body(Map.of("actingFor", npo.toString(), "content", content)).put(path).then().statusCode(200)
                .extract().header("ETag");

        // The department's side, on the current copy: an outdated ETag is refused.
        ExtractableResponse<Response> cityView = Gateway.as("staff1").get(path).then().statusCode(200).extract();
        assertEquals(afterNpo, cityView.header("ETag"));
        content = (ObjectNode) JSON.readTree(cityView.asString()).path("content");
        ((ArrayNode) content.path("tasks")).add(task("広報と用具の貸出", department, null));
        ObjectNode costs = content.with("costs");
        costs.put("consumptionTaxIncluded", true);
        costs.put("declaredCityShareYen", CITY_SHARE);
        content.putArray("deliverables").addObject().put("name", "花壇マップ").put("ownership", "JOINT")
                .put("ownershipClause", "市と協働相手の共有とする");
        content.putArray("milestones").addObject().put("name", "上半期の振り返り").put("dueDate", FISCAL_YEAR + "-09-30")
                .put("kind", "REFLECTION");
        content.putArray("clauses").addObject().put("heading", "協議").put("text", "定めのない事項は両者で協議する")
                .put("published", true);
        Map<String, Object> cityEdit = Map.of("actingFor", department.toString(), "content", content);
        Gateway.as("staff1").header("If-Match", staleForStaff).body(cityEdit).put(path).then().statusCode(412);
        Gateway.as("staff1").body(cityEdit).put(path).then().statusCode(428);
        Gateway.as("staff1").header("If-Match", afterNpo).body(cityEdit).put(path).then().statusCode(200)
                .body("readiness", hasSize(0))
                .body("content.tasks.description", hasItems("花壇づくりと清掃の企画・実施", "広報と用具の貸出"));
        // Someone outside the agreement cannot edit it.
        Gateway.as("partner2").header("If-Match", afterNpo).body(Map.of("actingFor", npo.toString(), "content", content))
                .put(path).then().statusCode(403);
    }

    private static ObjectNode task(String description, UUID responsible, UUID supporting) {
        ObjectNode task = JSON.createObjectNode().put("description", description)
                .put("responsiblePartyId", responsible.toString());
        ArrayNode support = task.putArray("supportingPartyIds");
        if (supporting != null) {
            support.add(supporting.toString());
        }
        return task;
    }

    @Test
    @Order(11)
    void theWorkingCopyIsSubmittedForSignatureAsVersionOne() {
        String etag = Gateway.as("staff1").get("/api/agreements/" + agreement).then().statusCode(200).extract()
                .header("ETag");
        JsonPath frozen = Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post("/api/agreements/" + agreement + "/submission").then().statusCode(201).extract().jsonPath();
        documentVersion = frozen.getInt("documentVersion");
        contentSha256 = frozen.getString("contentSha256");
        assertEquals(1, documentVersion);
        assertTrue(contentSha256.matches("[0-9a-f]{64}"), contentSha256);
        Gateway.as("partner1").get("/api/agreements/" + agreement).then()
                .body("state", equalTo("AWAITING_SIGNATURES")).body("pendingVersion", equalTo(1));
    }

    @Test
    @Order(12)
    void signer1SignsForTheDepartmentAndPartner1ForTheNpo() {
        String signatures = "/api/agreements/" + agreement + "/signatures";
        // Not signatories: staff1 (a member, but not the department's signatory) and partner2 (not the representative).
        Gateway.as("staff1").body(signature(department)).post(signatures).then().statusCode(403);
        Gateway.as("partner2").body(signature(npo)).post(signatures).then().statusCode(403);

        Gateway.as("signer1").body(signature(department)).post(signatures).then().statusCode(201)
                .body("signerRole", equalTo("SIGNATORY")).body("contentSha256", equalTo(contentSha256));
        Gateway.as("partner1").get("/api/agreements/" + agreement).then()
                .body("state", equalTo("AWAITING_SIGNATURES"))
                .body("awaitingSignatureFrom", equalTo(List.of(npo.toString())));
        Gateway.as("partner1").body(signature(npo)).post(signatures).then().statusCode(201)
                .body("signerRole", equalTo("REPRESENTATIVE"));
        Gateway.as("partner1").get("/api/agreements/" + agreement).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("versionInForce", equalTo(1));
    }

    private Map<String, Object> signature(UUID party) {
        return Map.of("actingFor", party.toString(), "documentVersion", documentVersion, "contentSha256", contentSha256);
    }

    @Test
    @Order(13)
    void activationIsPublishedOnKafkaAndThePublicSummaryIsReadableWithoutLogin() throws IOException {
        ConsumerRecord<String, String> activated = agreementEvents.await("jp.kyodo.agreement.activated.v1",
                r -> agreement.toString().equals(r.key()), EVENT);
        JsonNode payload = JSON.readTree(activated.value());
        assertEquals(proposal.toString(), payload.path("proposalId").asText());
        assertEquals("JOINT_FUNDING", payload.path("collaborationForm").asText());
        assertEquals(300, payload.path("targets").path("indicators").path(0).path("targetValue").asInt());

        String summary = Gateway.anonymous().get("/api/agreements/public/" + agreement).then().statusCode(200)
                .body("state", equalTo("ACTIVE"))
                .body("form", equalTo("JOINT_FUNDING"))
                .body("documentVersion", equalTo(1))
                .body("tasksByParty.organizationId", hasItems(npo.toString(), department.toString()))
                .body("outcomeOwnership.deliverable", hasItem("花壇マップ"))
                .body("publicClauses.heading", hasItem("協議"))
                .extract().asString();
        assertFalse(summary.contains("ボランティア保険"), "liabilities are never public: " + summary);
        Gateway.anonymous().queryParam("limit", 100).get("/api/agreements/public").then().statusCode(200)
                .body("items.agreementId", hasItem(agreement.toString()));
    }

    // ------------------------------------------------------------------------------------------ evaluation

    @Test
    @Order(14)
    void theEvaluationPlanAppearsFromTheActivationEvent() {
        plan = Eventually.await("evaluation-service made the plan of the activated agreement",
                Eventually.CROSS_SERVICE, () -> {
                    List<String> ids = Gateway.as("staff1").queryParam("agreementId", agreement).get("/api/evaluations")
                            .then().statusCode(200).extract().jsonPath().getList("items.id");
                    return ids.isEmpty() ? Optional.empty() : Optional.of(UUID.fromString(ids.get(0)));
                });
        Gateway.as("partner1").get("/api/evaluations/" + plan).then().statusCode(200)
                .body("agreementId", equalTo(agreement.toString()))
                .body("parties.organizationId", hasItems(npo.toString(), department.toString()))
                .body("indicators.name", equalTo(List.of("活動参加者数")))
                .body("fiscalYears", equalTo(List.of(FISCAL_YEAR)));
        evaluationEvents.await("jp.kyodo.evaluation.plan-created.v1", r -> plan.toString().equals(r.key()), EVENT);
        analystCasesBefore = analystCases();
    }

    @Test
    @Order(15)
    void staffOpenAnInterimRoundForTheFiscalYear() {
        Map<String, Object> body = Map.of("kind", "INTERIM", "fiscalYear", FISCAL_YEAR, "actingFor", department.toString());
        Gateway.as("partner1").body(Map.of("kind", "INTERIM", "fiscalYear", FISCAL_YEAR, "actingFor", npo.toString()))
                .post("/api/evaluations/" + plan + "/rounds").then().statusCode(403);
        round = UUID.fromString(Gateway.as("staff1").body(body).post("/api/evaluations/" + plan + "/rounds").then()
                .statusCode(201).body("status", equalTo("OPEN")).body("partyCount", equalTo(2))
                .extract().path("id"));
        evaluationEvents.await("jp.kyodo.evaluation.round-opened.v1", r -> round.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(16)
    void bothPartiesSelfAssessAndNeitherSeesTheOthersScoresBeforeSubmittingItsOwn() throws IOException {
        String rounds = "/api/evaluations/rounds/" + round;
        JsonPath planView = Gateway.as("staff1").get("/api/evaluations/" + plan).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = Gateway.as("staff1").get("/api/evaluations/items").then().statusCode(200)
                .extract().jsonPath().getList("$");

        // The department assesses first: everything as expected (3).
        Map<String, Object> cityAssessment = assessment(items, planView, Map.of());
        Gateway.as("partner1").body(cityAssessment).put(rounds + "/self-assessments/" + department).then().statusCode(403);
        Gateway.as("staff1").body(cityAssessment).put(rounds + "/self-assessments/" + department).then().statusCode(201);
        ConsumerRecord<String, String> submitted = evaluationEvents.await("jp.kyodo.evaluation.self-assessment-submitted.v1", r -> round.toString().equals(r.key()), EVENT);
        assertFalse(submitted.value().contains("\"score\""), "the event carries no scores: " + submitted.value());

        // Sealed for the NPO, which has not submitted: in the round, the list and the single view.
        Gateway.as("partner1").get(rounds).then().statusCode(200)
                .body("parties.find { it.organizationId == '" + department + "' }.submitted", equalTo(true))
                .body("parties.find { it.organizationId == '" + department + "' }.sealed", equalTo(true))
                .body("parties.find { it.organizationId == '" + department + "' }.project", nullValue())
                .body("parties.find { it.organizationId == '" + department + "' }.collaboration", nullValue());
        Gateway.as("partner1").get(rounds + "/self-assessments").then().statusCode(200)
                .body("findAll { it.organizationId == '" + department + "' }.project", everyItem(nullValue()));
        Gateway.as("partner1").get(rounds + "/self-assessments/" + department).then().statusCode(403);
        Gateway.as("partner1").get(rounds + "/review").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));

        // The NPO sees the process of the collaboration far above expectations (5): a divergence of 2 from the city.
        Map<String, Object> npoAssessment = assessment(items, planView, Map.of("COLLABORATION_PROCESS", 5,
                "PROJECT_EFFECTS_BEYOND_EXPECTATION", 4));
        Gateway.as("partner1").body(npoAssessment).put(rounds + "/self-assessments/" + npo).then().statusCode(201);
        Gateway.as("partner1").body(npoAssessment).put(rounds + "/self-assessments/" + npo).then().statusCode(409);
        Gateway.as("partner1").get(rounds).then().statusCode(200)
                .body("round.status", equalTo("IN_REVIEW"))
                .body("parties.sealed", everyItem(equalTo(false)));
        Gateway.as("partner1").get(rounds + "/self-assessments/" + department).then().statusCode(200);
        evaluationEvents.await("jp.kyodo.evaluation.round-in-review.v1", r -> round.toString().equals(r.key()), EVENT);
    }

    /** A complete self-assessment: every catalogue item once, per indicator and per goal where so scored. */
    private static Map<String, Object> assessment(List<Map<String, Object>> items, JsonPath plan,
                                                  Map<String, Integer> scores) {
        List<Map<String, Object>> project = new ArrayList<>();
        List<Map<String, Object>> collaboration = new ArrayList<>();
        for (Map<String, Object> item : items) {
            String code = (String) item.get("item");
            List<Map<String, Object>> lines = "PROJECT".equals(item.get("track")) ? project : collaboration;
            int score = scores.getOrDefault(code, 3);
            switch ((String) item.get("scoredPer")) {
                case "INDICATOR" -> {
                    for (String indicator : plan.<String>getList("indicators.indicatorId")) {
                        Map<String, Object> line = line(code, score);
                        line.put("indicatorId", indicator);
                        line.put("actualValue", 310);
                        lines.add(line);
                    }
                }
                case "GOAL" -> {
                    for (String goal : plan.<String>getList("outcomeGoals.goalId")) {
                        Map<String, Object> line = line(code, score);
                        line.put("goalId", goal);
                        lines.add(line);
                    }
                }
                default -> {
                    Map<String, Object> line = line(code, score);
                    if ("PROJECT_BENEFICIARY_SATISFACTION".equals(code)) {
                        line.put("actualValue", 85);
                    }
                    lines.add(line);
                }
            }
        }
        return Map.of("project", project, "collaboration", collaboration);
    }

    private static Map<String, Object> line(String item, int score) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("item", item);
        line.put("score", score);
        if (score <= 2) {
            line.put("reason", "想定を下回ったため");
        }
        return line;
    }

    @Test
    @Order(17)
    void theMutualReviewShowsTheDivergence() {
        JsonPath review = Gateway.as("staff1").get("/api/evaluations/rounds/" + round + "/review").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .extract().jsonPath();
        assertEquals(1, review.getInt("divergentItemCount"), review.prettify());
        Map<String, Object> process = review.getMap("collaboration.find { it.item == 'COLLABORATION_PROCESS' }");
        assertNotNull(process, review.prettify());
        assertEquals(true, process.get("divergent"));
        assertEquals(5, process.get("highest"));
        assertEquals(3, process.get("lowest"));
        Map<String, Object> effects = review.getMap("project.find { it.item == 'PROJECT_EFFECTS_BEYOND_EXPECTATION' }");
        assertEquals(false, effects.get("divergent"), "a difference of 1 is not a divergence");
    }

    @Test
    @Order(18)
    void thePartiesRecordFindingsAndCloseTheRound() {
        String rounds = "/api/evaluations/rounds/" + round;
        Gateway.as("partner1").body(Map.of("actingFor", npo.toString(), "item", "COLLABORATION_PROCESS",
                        "finding", "対話の場の評価が両者で異なった", "improvement", "四半期ごとに振り返りの会議を開く"))
                .post(rounds + "/findings").then().statusCode(201);
        Gateway.as("staff1").get(rounds + "/findings").then().statusCode(200).body("improvement",
                hasItem("四半期ごとに振り返りの会議を開く"));
        // Publishing before the round is closed is refused.
        String etag = Gateway.as("staff1").get(rounds).then().statusCode(200).extract().header("ETag");
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post(rounds + "/publication").then().statusCode(409);
        etag = Gateway.as("staff1").get(rounds).then().statusCode(200).extract().header("ETag");
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString(),
                        "note", "相互評価を終えた")).post(rounds + "/closing").then().statusCode(200)
                .body("round.status", equalTo("CLOSED"));
        evaluationEvents.await("jp.kyodo.evaluation.round-closed.v1", r -> round.toString().equals(r.key()), EVENT);
    }

    @Test
    @Order(19)
    void staffPublishTheRoundItIsReadableWithoutLoginAndTheStatisticsCountIt() {
        String rounds = "/api/evaluations/rounds/" + round;
        Gateway.anonymous().get("/api/evaluations/published/" + round).then().statusCode(org.hamcrest.Matchers
                .greaterThanOrEqualTo(400));
        String etag = Gateway.as("staff1").get(rounds).then().statusCode(200).extract().header("ETag");
        Gateway.as("partner1").header("If-Match", etag).body(Map.of("actingFor", npo.toString()))
                .post(rounds + "/publication").then().statusCode(403);
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post(rounds + "/publication").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        evaluationEvents.await("jp.kyodo.evaluation.published.v1", r -> round.toString().equals(r.key()), EVENT);

        Gateway.anonymous().get("/api/evaluations/published/" + round).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("agreementId", equalTo(agreement.toString()))
                .body("assessments", hasSize(2))
                .body("divergences.item", hasItem("COLLABORATION_PROCESS"))
                .body("findings.improvement", hasItem("四半期ごとに振り返りの会議を開く"));
        Gateway.anonymous().get("/api/evaluations/published").then().statusCode(200)
                .body("items.roundId", hasItem(round.toString()));

        assertEquals(analystCasesBefore + 1, analystCases(), "the analyst's statistics count the new round");
        // Anonymous statistics: published rounds only, and no cell of fewer than 3 cases shows its figures.
        JsonPath open = Gateway.anonymous().queryParam("by", "FISCAL_YEAR").get("/api/evaluations/statistics").then()
                .statusCode(200).body("basis", equalTo("PUBLISHED")).extract().jsonPath();
        for (Map<String, Object> cell : open.<Map<String, Object>>getList("cells")) {
            Object cases = cell.get("cases");
            assertTrue(Boolean.TRUE.equals(cell.get("suppressed")) || cases != null && ((Number) cases).longValue() >= 3,
                    "a cell of fewer than 3 cases is shown to anonymous callers: " + cell);
        }
    }

    /** Cases of this fiscal year in the statistics an analyst reads (closed and published rounds). */
    private long analystCases() {
        JsonPath stats = Gateway.as("analyst1").queryParam("by", "FISCAL_YEAR").get("/api/evaluations/statistics")
                .then().statusCode(200).extract().jsonPath();
        Object cases = stats.get("cells.find { it.key == '" + FISCAL_YEAR + "' }.cases");
        return cases == null ? 0 : ((Number) cases).longValue();
    }
}
