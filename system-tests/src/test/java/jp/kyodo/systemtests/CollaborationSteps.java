package jp.kyodo.systemtests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The shortest ways to the states the fault tests start from: a department (staff1 its staff, signer1 its
 * signatory), a verified NPO (partner1 its representative) and an open theme of the department; proposals waiting
 * for the decision; agreements opened by staff and awaiting signatures.
 */
final class CollaborationSteps {

    static final int FISCAL_YEAR = 2027;
    static final long CITY_SHARE = 1_000_000;

    final String tag = Kyodo.tag();
    final UUID department;
    final UUID npo;
    final UUID theme;

    private CollaborationSteps() {
        department = Kyodo.registerDepartment("staff1", "協働推進課F " + tag);
        Kyodo.addMember("staff1", department, DemoUsers.SIGNER1, "SIGNATORY", 5_000_000L);
        npo = Kyodo.registerNpo("staff1", "NPO法人障害試験の会 " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
        Map<String, Object> body = Kyodo.theme(department, "障害試験のテーマ " + tag, FISCAL_YEAR, 30_000_000);
        theme = Eventually.await("proposal-service knows the department", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = Gateway.as("staff1").body(body).post("/api/proposals/themes").then()
                    .extract();
            if (r.statusCode() == 201) {
                return Optional.of(UUID.fromString(r.path("id")));
            }
            if (r.statusCode() == 403) {
                return Optional.empty();
            }
            throw new IllegalStateException("POST theme: " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
    }

    static CollaborationSteps parties() {
        return new CollaborationSteps();
    }

    // ------------------------------------------------------------------------------------------------ proposals

    /** A proposal of the NPO, submitted, consulted and screened by reviewer1: only the decision is left. */
    UUID proposalAwaitingDecision(String title) {
        UUID proposal = Kyodo.createProposalOnceKnown("partner1",
                Kyodo.proposal(npo, theme, department, title + " " + tag, FISCAL_YEAR, CITY_SHARE));
        Kyodo.submitOnceVerified("partner1", proposal, npo);
        String base = "/api/proposals/" + proposal;
        String consulted = Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", base))
                .body(Map.of("actingFor", department.toString())).post(base + "/consultation").then()
                .statusCode(200).extract().header("ETag");
        Gateway.as("staff1").header("If-Match", consulted)
                .body(Map.of("actingFor", department.toString(), "reviewers", List.of(DemoUsers.REVIEWER1)))
                .post(base + "/screening").then().statusCode(200);
        Gateway.as("reviewer1").body(MatrixFixture.scores("障害試験の審査")).post(base + "/scores").then().statusCode(201);
        return proposal;
    }

    /**
     * Staff read the proposal and adopt the version they read; the answer (200 expected), or the read's when it failed
     * (a 502/503 while a service restarts, which the caller may retry).
     */
    ExtractableResponse<Response> adopt(UUID proposal) {
        String path = "/api/proposals/" + proposal;
        ExtractableResponse<Response> read = Gateway.as("staff1").get(path).then().extract();
        if (read.statusCode() != 200) {
            return read;
        }
        return Gateway.as("staff1").header("If-Match", read.header("ETag")).body(Map.of("actingFor",
                department.toString(), "outcome", "ADOPTED", "rationale", "障害試験のための採択")).post(path + "/decision")
                .then().extract();
    }

    /** The agreements agreement-service holds for the proposal (at most one is right). */
    static List<String> agreementsOf(UUID proposal) {
        return Gateway.as("staff1").queryParam("proposalId", proposal).get("/api/agreements").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    /** The evaluation plans evaluation-service holds for the agreement (at most one is right). */
    static List<String> plansOf(UUID agreement) {
        return Gateway.as("staff1").queryParam("agreementId", agreement).get("/api/evaluations").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
    }

    // ------------------------------------------------------------------------------------------------ agreements

    /** An agreement opened by staff for the department and the NPO, still a draft (DRAFT); its id. */
    UUID openAgreement(String title) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", title + " " + tag);
        content.put("form", "AGREEMENT");
        content.put("activityArea", "C");
        content.put("field", "DISASTER_PREVENTION");
        content.put("purpose", "災害時に避難所運営を協力して行う");
        content.put("approach", "年1回の合同訓練を行う");
        content.put("term", Map.of("start", FISCAL_YEAR + "-04-01", "end", (FISCAL_YEAR + 1) + "-03-31"));
        content.put("parties", List.of(Map.of("organizationId", department.toString()),
                Map.of("organizationId", npo.toString())));
        content.put("tasks", List.of(
                Map.of("description", "訓練の企画", "responsiblePartyId", department.toString(),
                        "supportingPartyIds", List.of(npo.toString())),
                Map.of("description", "避難所の運営補助", "responsiblePartyId", npo.toString(),
                        "supportingPartyIds", List.of())));
        content.put("targets", Map.of("outcomeGoals", List.of(Map.of("description", "避難所運営の体制ができる"))));
        return FormSteps.between(department, npo).open("staff1", department, content);
    }

    /** The version frozen for signature and its hash. */
    record Frozen(int documentVersion, String contentSha256) {
    }

    /** Staff submit the agreement for signature (AWAITING_SIGNATURES). */
    Frozen submitForSignature(UUID agreement) {
        String etag = Gateway.as("staff1").get("/api/agreements/" + agreement).then().statusCode(200).extract()
                .header("ETag");
        JsonPath frozen = Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post("/api/agreements/" + agreement + "/submission").then().statusCode(201).extract().jsonPath();
        return new Frozen(frozen.getInt("documentVersion"), frozen.getString("contentSha256"));
    }

    /** Waits until agreement-service knows signer1 and partner1 as members of their sides (both can read it). */
    void awaitSignatoriesKnown(UUID agreement) {
        for (String user : List.of("signer1", "partner1")) {
            Eventually.until("agreement-service lets " + user + " read agreement " + agreement, Eventually.CROSS_SERVICE,
                    () -> Gateway.as(user).get("/api/agreements/" + agreement).then().extract().statusCode() == 200);
        }
    }

    Map<String, Object> signature(UUID party, Frozen frozen) {
        return Map.of("actingFor", party.toString(), "documentVersion", frozen.documentVersion(),
                "contentSha256", frozen.contentSha256());
    }

    /** signer1 signs for the department, partner1 for the NPO, one after the other. */
    void signByBoth(UUID agreement, Frozen frozen) {
        Gateway.as("signer1").body(signature(department, frozen)).post("/api/agreements/" + agreement + "/signatures")
                .then().statusCode(201);
        Gateway.as("partner1").body(signature(npo, frozen)).post("/api/agreements/" + agreement + "/signatures")
                .then().statusCode(201);
    }

    static String state(UUID agreement) {
        return Gateway.as("staff1").get("/api/agreements/" + agreement).then().statusCode(200).extract().path("state");
    }
}
