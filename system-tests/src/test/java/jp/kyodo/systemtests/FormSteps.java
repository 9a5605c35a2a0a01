package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The steps every form's system test shares, through the gateway with the demo users' tokens: one department (staff1
 * its staff, signer1 its signatory) and one verified NPO (partner1 its representative), made once per run; complete
 * contents of each form for the current fiscal year (so that payments fall in it); opening, freezing, signing, taking
 * a procedure step with the agreement's current ETag, completing.
 */
final class FormSteps {

    static final ZoneId CITY = ZoneId.of("Asia/Tokyo");
    static final LocalDate TODAY = LocalDate.now(CITY);
    /** The current fiscal year (年度): its budget pays until 31 May of the next. */
    static final int YEAR = TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1;

    private static FormSteps world;

    final String tag = Kyodo.tag();
    final UUID department;
    final UUID npo;

    private FormSteps() {
        department = Kyodo.registerDepartment("staff1", "協働推進課P " + tag);
        Kyodo.addMember("staff1", department, DemoUsers.SIGNER1, "SIGNATORY", 5_000_000L);
        npo = Kyodo.registerNpo("staff1", "NPO法人手続の会 " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
    }

    private FormSteps(UUID department, UUID npo) {
        this.department = department;
        this.npo = npo;
    }

    /** The steps between a department (staff1 and signer1 among its members) and an NPO partner1 represents. */
    static FormSteps between(UUID department, UUID npo) {
        return new FormSteps(department, npo);
    }

    /** The department and the NPO the forms' tests share. */
    static synchronized FormSteps world() {
        if (world == null) {
            world = new FormSteps();
        }
        return world;
    }

    // ------------------------------------------------------------------------------------------------ content

    /** A content complete for the common rules, over the current fiscal year; the NPO bears 200,000 yen. */
    Map<String, Object> content(String form, String title) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", title + " " + tag);
        c.put("form", form);
        c.put("activityArea", "C");
        c.put("field", "ENVIRONMENT");
        c.put("purpose", "地域の公園を市民と市で守り育てる");
        c.put("approach", "月1回の活動と年2回の振り返り");
        c.put("term", Map.of("start", YEAR + "-04-01", "end", (YEAR + 1) + "-03-31"));
        c.put("parties", List.of(Map.of("organizationId", department.toString()),
                Map.of("organizationId", npo.toString())));
        c.put("tasks", List.of(
                Map.of("description", "活動の企画と実施", "responsiblePartyId", npo.toString(),
                        "supportingPartyIds", List.of(department.toString())),
                Map.of("description", "広報と調整", "responsiblePartyId", department.toString(),
                        "supportingPartyIds", List.of())));
        c.put("targets", Map.of("outcomeGoals", List.of(Map.of("description", "活動が地域に定着する"))));
        return costs(c, 0, null);
    }

    /** The cost plan: the department's lines {@code cityYen} (if any), the NPO's 200,000 yen; the city's share named. */
    Map<String, Object> costs(Map<String, Object> c, long cityYen, Long declared) {
        return costs(c, cityYen, declared, 200_000);
    }

    /** The cost plan with the NPO's own share {@code npoYen}. */
    Map<String, Object> costs(Map<String, Object> c, long cityYen, Long declared, long npoYen) {
        List<Object> lines = new ArrayList<>();
        if (cityYen > 0) {
            lines.add(Kyodo.budgetLine(department, YEAR, "市の負担", cityYen));
        }
        lines.add(Kyodo.budgetLine(npo, YEAR, "自己負担", npoYen));
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("consumptionTaxIncluded", true);
        costs.put("lines", lines);
        if (declared != null) {
            costs.put("declaredCityShareYen", declared);
        }
        c.put("costs", costs);
        return c;
    }

    /** An endorsement application's terms for an event on {@code day}, declaring a political purpose or none. */
    static Map<String, Object> endorsementTerms(LocalDate day, boolean political) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("form", "ENDORSEMENT");
        terms.put("firstDay", day.toString());
        terms.put("lastDay", day.toString());
        terms.put("place", "市民会館");
        terms.put("feeCharged", false);
        terms.put("expectedAudience", 200);
        terms.put("politicalPurpose", political);
        terms.put("religiousPurpose", false);
        terms.put("commercialPurpose", false);
        return terms;
    }

    // ------------------------------------------------------------------------------------------------ lifecycle

    /** Opens an agreement as {@code user} for {@code actingFor}, retrying while agreement-service learns the directory. */
    UUID open(String user, UUID actingFor, Map<String, Object> content) {
        Map<String, Object> body = Map.of("actingFor", actingFor.toString(), "content", content);
        return Eventually.await("agreement-service lets " + user + " open a " + content.get("form"),
                Eventually.CROSS_SERVICE, () -> {
                    ExtractableResponse<Response> r = Gateway.as(user).body(body).post("/api/agreements").then()
                            .extract();
                    if (r.statusCode() == 201) {
                        return Optional.of(UUID.fromString(r.path("id")));
                    }
                    if (r.statusCode() == 403) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("POST /api/agreements: " + r.statusCode() + " " + r.asString());
                }, IllegalStateException.class);
    }

    static String etag(String user, UUID agreement) {
        return Gateway.as(user).get("/api/agreements/" + agreement).then().statusCode(200).extract().header("ETag");
    }

    /** Freezes the working copy as the next version; the answer (201 with the version, or the refusal). */
    static Response submit(String user, UUID agreement, UUID actingFor) {
        return Gateway.as(user).header("If-Match", etag(user, agreement))
                .body(Map.of("actingFor", actingFor.toString())).post("/api/agreements/" + agreement + "/submission");
    }

    /** Submits the working copy, which must be frozen as a version (201): that version. */
    static JsonPath frozen(String user, UUID agreement, UUID actingFor) {
        return submit(user, agreement, actingFor).then().statusCode(201).extract().jsonPath();
    }

    /** Replaces the working copy (the caller acting for {@code actingFor}). */
    static void edit(String user, UUID agreement, UUID actingFor, Map<String, Object> content) {
        String path = "/api/agreements/" + agreement + "/working-copy";
        String etag = Gateway.as(user).get(path).then().statusCode(200).extract().header("ETag");
        Gateway.as(user).header("If-Match", etag).body(Map.of("actingFor", actingFor.toString(), "content", content))
                .put(path).then().statusCode(200);
    }

    /** signer1 for the department and partner1 for the NPO sign the frozen version: it comes into force. */
    void signByBoth(UUID agreement, JsonPath frozen) {
        for (String user : List.of("signer1", "partner1")) {
            UUID party = "signer1".equals(user) ? department : npo;
            Gateway.as(user).body(Map.of("actingFor", party.toString(), "documentVersion",
                    frozen.getInt("documentVersion"), "contentSha256", frozen.getString("contentSha256")))
                    .post("/api/agreements/" + agreement + "/signatures").then().statusCode(201);
        }
        Gateway.as("staff1").get("/api/agreements/" + agreement).then().body("state", equalTo("ACTIVE"));
    }

    /** Opened by staff, frozen and signed by both sides: in force. */
    UUID inForce(Map<String, Object> content) {
        UUID agreement = open("staff1", department, content);
        signByBoth(agreement, frozen("staff1", agreement, department));
        return agreement;
    }

    /** A step of the procedure with the agreement's current ETag. */
    static Response step(String user, UUID agreement, String path, Map<String, Object> body) {
        return Gateway.as(user).header("If-Match", etag(user, agreement)).body(body)
                .post("/api/agreements/" + agreement + path);
    }

    static JsonPath procedure(String user, UUID agreement) {
        return Gateway.as(user).get("/api/agreements/" + agreement + "/procedure").then().statusCode(200).extract()
                .jsonPath();
    }

    /** The department's staff complete it; the answer. */
    Response complete(UUID agreement) {
        return step("staff1", agreement, "/completion", Map.of("actingFor", department.toString(), "reason",
                "手続をすべて終えた"));
    }

    /** The record of {@code agreementId} in an open data set (anonymous), if any. */
    static Map<String, Object> openDataRecord(String dataset, UUID agreementId) {
        List<Map<String, Object>> records = Gateway.anonymous().get("/api/agreements/open-data/" + dataset).then()
                .statusCode(200).extract().jsonPath().getList("records");
        return records.stream().filter(r -> agreementId.toString().equals(r.get("agreementId"))).findFirst()
                .orElse(null);
    }
}
