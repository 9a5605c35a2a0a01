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
