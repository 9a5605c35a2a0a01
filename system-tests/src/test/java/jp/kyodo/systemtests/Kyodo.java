package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Steps of the collaboration workflow as the city's and the partners' clients take them, through the gateway with
 * the demo users' tokens. Request bodies follow the services' DTOs (see the services' {@code api} packages).
 */
public final class Kyodo {

    public static final String DIRECTORY_TOPIC = "kyodo.directory.v1";
    public static final String PROPOSALS_TOPIC = "kyodo.proposals.v1";
    public static final String AGREEMENTS_TOPIC = "kyodo.agreements.v1";
    public static final String EVALUATIONS_TOPIC = "kyodo.evaluations.v1";

    public static final List<String> ELIGIBILITY_REQUIREMENTS = List.of("ARTICLES_OF_ASSOCIATION", "OFFICE_IN_CITY",
            "PROPER_ACCOUNTS", "NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE");

    private Kyodo() {
    }

    /** The fiscal year of {@link #jointFundingInForce}: over, so its actual-cost report can be filed. */
    public static final int COST_REPORT_YEAR = 2024;

    /**
     * A cost-shared collaboration (負担金, whose years end with an actual-cost report and a settlement) of fiscal year
     * 2024 between the department and the NPO, opened by staff1, signed by signer1 and partner1 (the directory must
     * already have told agreement-service about them): ACTIVE.
     */
    public static UUID jointFundingInForce(UUID department, UUID npo, String tag) {
        String dept = department.toString();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "清掃活動の費用分担 " + tag);
        content.put("form", "JOINT_FUNDING");
        content.put("terms", Map.of("form", "JOINT_FUNDING"));
        content.put("activityArea", "B");
        content.put("field", "ENVIRONMENT");
        content.put("purpose", "公園の清掃活動を支援する");
        content.put("approach", "月1回の清掃");
        content.put("term", Map.of("start", COST_REPORT_YEAR + "-04-01", "end", (COST_REPORT_YEAR + 1) + "-03-31"));
        content.put("parties", List.of(Map.of("organizationId", dept), Map.of("organizationId", npo.toString())));
        content.put("tasks", List.of(
                Map.of("description", "費用の負担", "responsiblePartyId", dept, "supportingPartyIds", List.of()),
                Map.of("description", "清掃の実施", "responsiblePartyId", npo.toString(), "supportingPartyIds", List.of())));
        content.put("costs", Map.of("consumptionTaxIncluded", true, "declaredCityShareYen", 100_000, "lines", List.of(
                Map.of("organizationId", dept, "fiscalYear", COST_REPORT_YEAR, "item", "負担金", "amountYen", 100_000),
                Map.of("organizationId", npo.toString(), "fiscalYear", COST_REPORT_YEAR, "item", "自己負担",
                        "amountYen", 20_000))));
        content.put("targets", Map.of("outcomeGoals", List.of(Map.of("description", "公園がきれいに保たれる"))));
        ExtractableResponse<Response> opened = Gateway.as("staff1").body(Map.of("actingFor", dept, "content", content))
                .post("/api/agreements").then().statusCode(201).extract();
        String id = opened.path("id");
        var frozen = Gateway.as("staff1").header("If-Match", opened.header("ETag")).body(Map.of("actingFor", dept))
                .post("/api/agreements/" + id + "/submission").then().statusCode(201).extract().jsonPath();
        for (String[] signer : new String[][] { { "signer1", dept }, { "partner1", npo.toString() } }) {
            Gateway.as(signer[0]).body(Map.of("actingFor", signer[1], "documentVersion", frozen.getInt("documentVersion"),
                    "contentSha256", frozen.getString("contentSha256"))).post("/api/agreements/" + id + "/signatures")
                    .then().statusCode(201);
        }
        return UUID.fromString(id);
    }

    /** A {@code multipart/form-data} body: its content type (with the boundary) and bytes. */
    public record Multipart(String contentType, byte[] bytes) {
    }

    /**
     * One file and text fields as a browser sends them: the file's name as raw UTF-8 in the part header (what
     * browsers and curl do; HTTP clients' multipart builders often reduce it to ASCII).
     */
    public static Multipart multipart(String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "kyodoBoundary" + ThreadLocalRandom.current().nextInt(1_000_000);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                (content == null ? 0 : content.length) + 1024);
        fields.forEach((name, value) -> out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (fileName != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    /** A small one-page PDF to attach (its content is what Tika detects: %PDF-). */
    public static byte[] samplePdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A few characters that keep names of one run apart (the data folder is wiped per run, classes share it). */
    public static String tag() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36, 36 * 36 * 36 * 36), 36);
    }

    // ------------------------------------------------------------------------------------------------ directory

    /** A valid 法人番号: twelve random digits and the National Tax Agency's check digit in front. */
    public static String randomCorporateNumber() {
        StringBuilder base = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            base.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base.toString();
    }

    public static Map<String, Object> organization(String type, String name, String nameKana, String corporateNumber,
                                                   List<String> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("name", name);
        body.put("nameKana", nameKana);
        if (corporateNumber != null) {
            body.put("corporateNumber", corporateNumber);
        }
        body.put("postalCode", "231-0005");
        body.put("address", "横浜市中区本町6-50-10");
        body.put("contact", Map.of("phone", "045-671-2222", "email", "info@example.org"));
        body.put("contactPublic", true);
        body.put("fields", fields);
        body.put("description", "システムテストの団体");
        return body;
    }

    /** Registers an organisation and returns the created resource (201 expected). */
    public static ExtractableResponse<Response> register(String user, Map<String, Object> body) {
        return Gateway.as(user).body(body).post("/api/directory/organizations")
                .then().statusCode(201).extract();
    }

    /** A city department (市の所管課) registered by a staff member, who becomes its first member (STAFF). */
    public static UUID registerDepartment(String staff, String name) {
        return UUID.fromString(register(staff, organization("CITY_DEPARTMENT", name, "しみんきょうどうすいしんか",
                null, List.of("TOWN_PLANNING"))).path("id"));
    }

    public static UUID registerNpo(String staff, String name) {
        return UUID.fromString(register(staff, organization("CIVIC_GROUP", name, "みどりのもり", randomCorporateNumber(),
                List.of("ENVIRONMENT", "CHILD_REARING"))).path("id"));
    }

    public static String organizationEtag(String user, UUID organization) {
        return Gateway.as(user).get("/api/directory/organizations/" + organization).then().statusCode(200).extract()
                .header("ETag");
    }

    public static void addMember(String user, UUID organization, String subject, String role, Long amountLimitYen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("role", role);
        if (amountLimitYen != null) {
            body.put("amountLimitYen", amountLimitYen);
        }
        Gateway.as(user).body(body).post("/api/directory/organizations/" + organization + "/members")
                .then().statusCode(201).body("role", equalTo(role));
    }

    /** The ETag of the resource at {@code path} as {@code user} reads it: what a write sends back in If-Match. */
    public static String etag(String user, String path) {
        return Gateway.as(user).get(path).then().statusCode(200).extract().header("ETag");
    }

    /** Staff record the four eligibility checks (提案者の要件) with evidence and verify the organisation. */
    public static void verify(String staff, UUID organization) {
        String path = "/api/directory/organizations/" + organization;
        String etag = Gateway.as(staff).get(path + "/eligibility").then().statusCode(200).extract().header("ETag");
        List<Map<String, Object>> checks = new ArrayList<>();
        for (String requirement : ELIGIBILITY_REQUIREMENTS) {
            checks.add(Map.of("requirement", requirement, "satisfied", true, "evidence", "書類を確認 (" + requirement + ")"));
        }
        etag = Gateway.as(staff).header("If-Match", etag).body(Map.of("checks", checks)).put(path + "/eligibility")
                .then().statusCode(200).extract().header("ETag");
        Gateway.as(staff).header("If-Match", etag).body(Map.of("to", "VERIFIED", "reason", "要件をすべて確認した"))
                .post(path + "/status-changes").then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    // ------------------------------------------------------------------------------------------------ proposals

    /** A theme whose application window is open now, for the given fiscal year. */
    public static Map<String, Object> theme(UUID department, String title, int fiscalYear, long ceilingYen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("departmentId", department.toString());
        body.put("title", title);
        body.put("localIssue", "公園の利用者が減り、管理の担い手が不足している");
        body.put("fiscalYear", fiscalYear);
        body.put("budgetCeilingYen", ceilingYen);
        body.put("opensAt", Instant.now().minus(Duration.ofHours(1)).toString());
        body.put("closesAt", Instant.now().plus(Duration.ofDays(30)).toString());
        body.put("eligibilityNotes", "市内で活動する団体");
        body.put("field", "ENVIRONMENT");
        return body;
    }

    /** A complete proposal (submittable) acting for {@code npo}, answering {@code theme} or citizen-initiated. */
    public static Map<String, Object> proposal(UUID npo, UUID theme, UUID department, String title, int fiscalYear,
                                               long cityShareYen) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", npo.toString());
        if (theme != null) {
            body.put("themeId", theme.toString());
        }
        body.put("proposingOrganizationIds", List.of(npo.toString()));
        body.put("title", title);
        body.put("localIssue", "市民公園の利用者が減っている");
        body.put("goals", new ArrayList<>(List.of("公園の利用者を増やす", "市民が管理に参加する")));
        body.put("approach", "月1回の清掃と花壇づくりを市民と行う");
        body.put("collaborationForm", "JOINT_FUNDING");
        body.put("activityArea", "C");
        body.put("field", "ENVIRONMENT");
        body.put("period", Map.of("start", fiscalYear + "-04-01", "end", (fiscalYear + 1) + "-03-31"));
        body.put("beneficiaries", "公園の近隣住民と利用者");
        body.put("budgetLines", List.of(
                budgetLine(department, fiscalYear, "協働負担金", cityShareYen),
                budgetLine(npo, fiscalYear, "自主財源", 200_000)));
        body.put("expectedEffects", "公園が地域の居場所になる");
        body.put("departmentId", department.toString());
        return body;
    }

    public static Map<String, Object> budgetLine(UUID party, int fiscalYear, String item, long amountYen) {
        return Map.of("organizationId", party.toString(), "fiscalYear", fiscalYear, "item", item, "amountYen", amountYen);
    }

    /**
     * Creates a draft as {@code user}, retrying while the proposal service answers 403 because it does not yet know
     * the organisation or the membership (its directory read model is fed by events). A refusal creates nothing, so
     * retrying is safe; any other answer fails at once.
     */
    public static UUID createProposalOnceKnown(String user, Map<String, Object> body) {
        return Eventually.await("proposal-service accepts a draft from " + user + " for " + body.get("actingFor"),
                Eventually.CROSS_SERVICE, () -> {
                    ExtractableResponse<Response> r = Gateway.as(user).body(body).post("/api/proposals").then().extract();
                    if (r.statusCode() == 201) {
                        return Optional.of(UUID.fromString(r.path("id")));
                    }
                    if (r.statusCode() == 403) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("POST /api/proposals: " + r.statusCode() + " " + r.asString());
                }, IllegalStateException.class);
    }

    /**
     * Submits a draft, retrying while the proposal service answers organization-not-eligible because it has not yet
     * seen the organisation's verification.
     */
    public static void submitOnceVerified(String user, UUID proposal, UUID actingFor) {
        String etag = etag(user, "/api/proposals/" + proposal);
        Eventually.await("proposal " + proposal + " is submitted", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = Gateway.as(user).header("If-Match", etag)
                    .body(Map.of("actingFor", actingFor.toString(), "consentToCaseArchive", true))
                    .post("/api/proposals/" + proposal + "/submission").then().extract();
            if (r.statusCode() == 200) {
                return Optional.of(r.path("status"));
            }
            if (r.statusCode() == 403 && "urn:kyodo:problem:organization-not-eligible".equals(r.path("type"))) {
                return Optional.empty();
            }
            throw new IllegalStateException("POST submission: " + r.statusCode() + " " + r.asString());
        }, IllegalStateException.class);
    }
}
