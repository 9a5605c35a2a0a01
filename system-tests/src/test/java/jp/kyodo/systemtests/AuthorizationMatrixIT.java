package jp.kyodo.systemtests;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.systemtests.AuthorizationMatrix.Row;

/**
 * The authorisation matrix (docs/authorization-matrix.md, src/test/resources/authorization-matrix.csv) walked through
 * the gateway with real Keycloak tokens: every operation the gateway's OpenAPI document lists has a row; every cell -
 * one operation called by one caller on the fixture of {@link MatrixFixture} - answers as the row says; and no answer
 * shows a caller what is not theirs to see: personal data of the directory and the talent bank, a draft, the
 * consultation thread, reviewers' comments, agreement liabilities, a party's sealed self-assessment (sentinel strings
 * planted in the fixture), people's login subjects in anonymous answers and in the public record of an adopted
 * proposal, or the JSON fields a public view must not have.
 */
@ExtendWith(SystemUnderTest.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuthorizationMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String STALE_ETAG = "\"999999999\"";
    private static final List<String> SERVICES = List.of(ServiceSpec.DIRECTORY, ServiceSpec.PROPOSALS,
            ServiceSpec.AGREEMENTS, ServiceSpec.EVALUATIONS);

    private final List<Row> rows = AuthorizationMatrix.load();

    @Test
    @Order(1)
    void everyOperationOfTheGatewaysOpenApiHasARow() throws IOException {
        Set<String> served = operations(SystemUnderTest.gatewayUrl());
        Set<String> covered = new TreeSet<>();
        rows.forEach(r -> covered.add(r.operation()));
        Set<String> missing = new TreeSet<>(served);
        missing.removeAll(covered);
        Set<String> notServed = new TreeSet<>(covered);
        notServed.removeAll(served);
        System.out.printf("authorisation matrix: the gateway's OpenAPI lists %d operations, the matrix has %d rows for "
                + "%d operations; rows for operations it does not list: %s%n", served.size(), rows.size(),
                covered.size(), notServed);
        assertFalse(served.isEmpty(), "the gateway serves no operation in /q/openapi");
        assertEquals(List.of(), List.copyOf(missing), "operations of the gateway's OpenAPI without a row in "
                + AuthorizationMatrix.RESOURCE + " (add them, with a line in docs/authorization-matrix.md)");
    }

    @Test
    @Order(2)
    void everyCellOfTheMatrixHoldsAndNoAnswerShowsWhatIsNotTheCallers() throws IOException {
        MatrixFixture fixture = MatrixFixture.build();
        Set<String> served = operations(SystemUnderTest.gatewayUrl());
        for (String service : SERVICES) {
            served.addAll(operations(SystemUnderTest.serviceUrl(service)));
        }

        List<String> mismatches = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Map<String, Integer> tally = new LinkedHashMap<>();
        int cells = 0;
        int flagged = 0;
        for (Row row : rows) {
            if ("openapi".equals(row.source()) && !served.contains(row.operation())) {
                skipped.add(row.label());
                continue;
            }
            Map<String, Integer> actual = new LinkedHashMap<>();
            List<String> callers = new ArrayList<>(AuthorizationMatrix.CALLERS);
            // Refused callers first: an allowed write cannot then change what they would see.
            callers.sort(Comparator.comparing(c -> !AuthorizationMatrix.refuses(row.expected().get(c))));
            for (String caller : callers) {
                String expected = row.expected().get(caller);
                if (row.prepare() != null) {
                    prepare(row.prepare(), fixture);
                }
                ExtractableResponse<Response> response = send(row, caller, fixture);
                int status = response.statusCode();
                actual.put(caller, status);
                String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
                cells++;
                flagged += AuthorizationMatrix.flagged(expected) ? 1 : 0;
                tally.merge(expected.replace("!", ""), 1, Integer::sum);
                if (!AuthorizationMatrix.matches(expected, status)) {
                    mismatches.add(String.format("%s as %s: expected %s, got %d %s (csv line %d)", row.label(), caller,
                            expected, status, excerpt(body), row.line()));
                }
                leaks.addAll(leaksIn(row, caller, status, body, fixture));
            }
            if (Boolean.getBoolean("kyodo.matrix.print")) {
                System.out.println("matrix " + row.label() + " -> " + AuthorizationMatrix.CALLERS.stream()
                        .map(c -> c + "=" + actual.get(c)).toList());
            }
        }

        removeTalentEntriesOfTheWalk();
        System.out.printf("authorisation matrix: %d cells checked (%d rows x %d callers; by expectation %s), %d of them "
                + "flagged as findings in docs/authorization-matrix.md; %d rows skipped (operation not served by this "
                + "build): %s%n", cells, rows.size() - skipped.size(), AuthorizationMatrix.CALLERS.size(), tally,
                flagged, skipped.size(), skipped);
        if (!mismatches.isEmpty() || !leaks.isEmpty()) {
            fail(mismatches.size() + " of " + cells + " cells differ from " + AuthorizationMatrix.RESOURCE + ", "
                    + leaks.size() + " answers show what the caller may not see:\n  "
                    + String.join("\n  ", mismatches) + (leaks.isEmpty() ? "" : "\n  " + String.join("\n  ", leaks)));
        }
        assertTrue(cells > 1000, "the matrix walked only " + cells + " cells");
    }

    // ------------------------------------------------------------------------------------------------ requests

    private ExtractableResponse<Response> send(Row row, String caller, MatrixFixture fixture) {
        String path = path(row, fixture);
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = AuthorizationMatrix.ANONYMOUS.equals(caller) ? Gateway.anonymous()
                    : Gateway.as(AuthorizationMatrix.USERS.get(caller));
            if ("html".equals(row.check())) {
                request.header("Accept", "text/html, application/problem+json;q=0.9, */*;q=0.1");
            }
            if ("pdf".equals(row.check())) {
                request.header("Accept", "application/pdf, application/problem+json;q=0.9, */*;q=0.1");
            }
            if ("calendar".equals(row.check())) {
                request.header("Accept", "text/calendar, application/problem+json;q=0.9");
            }
            if (row.query() != null) {
                for (String pair : row.query().split("&")) {
                    String[] kv = pair.split("=", 2);
                    // "home": the organisation this caller acts for; a fixture key: its id.
                    String value = "home".equals(kv[1]) ? fixture.id(AuthorizationMatrix.HOME.get(caller))
                            : fixture.ids.containsKey(kv[1]) ? fixture.id(kv[1]) : kv[1];
                    request.queryParam(kv[0], value);
                }
            }
            if ("stale".equals(row.ifMatch())) {
                request.header("If-Match", STALE_ETAG);
            } else if ("any".equals(row.ifMatch())) {
                request.header("If-Match", "*");
            }
            if (row.body() != null && row.body().startsWith("upload-")) {
                // A file upload: multipart/form-data with a small PDF, the kind the row names, acting for home.
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) body(row.body(), caller, fixture);
                Kyodo.Multipart upload = Kyodo.multipart("マトリクス.pdf", Kyodo.samplePdf(), Map.of("kind",
                        fields.get("kind").toString(), "actingFor", fields.get("actingFor").toString()));
                request.contentType(upload.contentType()).body(upload.bytes());
            } else if ("pdf".equals(row.body())) {
                request.contentType("application/pdf").body("%PDF-1.7 not a signed agreement".getBytes(
                        StandardCharsets.US_ASCII));
            } else if (row.body() != null) {
                request.body(body(row.body(), caller, fixture));
            }
            ExtractableResponse<Response> response = request.request(row.method(), path).then().extract();
            if (response.statusCode() == 429 && attempt < 10) {
                MatrixFixture.sleepSeconds(MatrixFixture.retryAfter(response.header("Retry-After")));
                continue;
            }
            return response;
        }
    }

    /** The walk registered every demo user in the talent bank: withdraw those entries, so later tests start without. */
    static void removeTalentEntriesOfTheWalk() {
        for (String user : AuthorizationMatrix.USERS.values()) {
            ExtractableResponse<Response> mine = MatrixFixture.call(() -> Gateway.as(user), "GET",
                    "/api/directory/talent-bank/entries/me", -1);
            if (mine.statusCode() == 200) {
                MatrixFixture.call(() -> Gateway.as(user).header("If-Match", mine.header("ETag")), "DELETE",
                        "/api/directory/talent-bank/entries/" + mine.path("id"), 204);
            }
        }
    }

    private static String path(Row row, MatrixFixture fixture) {
        Matcher m = PATH_PARAMETER.matcher(row.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String value = row.params().get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("csv line " + row.line() + ": no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(path, Matcher.quoteReplacement(fixture.ids.containsKey(value) ? fixture.id(value) : value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static void prepare(String hook, MatrixFixture fixture) {
        if ("talent-entry".equals(hook)) {
            fixture.recreateTalentEntry();
            return;
        }
        if (hook.endsWith("-attachment")) {
            fixture.recreateRemovableAttachment(hook.substring(0, hook.length() - "-attachment".length()));
            return;
        }
        throw new IllegalStateException("unknown prepare hook " + hook);
    }

    /** The request bodies the rows name: valid, so that a refusal is the authorisation's and not the validation's. */
    static Object body(String name, String caller, MatrixFixture f) {
        String home = f.id(AuthorizationMatrix.HOME.get(caller));
        String dept = f.id("dept");
        String npo = f.id("npo");
        String tag = f.tag + "-" + caller;
        if (name.startsWith("upload-")) {
            // The fields of a multipart upload (the file itself is added where it is sent).
            return Map.of("kind", name.substring("upload-".length()).toUpperCase().replace('-', '_'), "actingFor", home);
        }
        if (name.equals("pdf")) {
            return Map.of("pdf", true);
        }
        return switch (name) {
            case "organization" -> Kyodo.organization("CIVIC_GROUP", "マトリクス登録の会 " + tag, "まとりくすとうろくのかい",
                    Kyodo.randomCorporateNumber(), List.of("OTHER"));
            case "department" -> Kyodo.organization("CITY_DEPARTMENT", "マトリクス登録課 " + tag, "まとりくすとうろくか",
                    null, List.of("OTHER"));
            case "profile" -> Map.of("name", "マトリクスの会 " + tag, "nameKana", "まとりくすのかい", "fields", List.of("OTHER"));
            case "member" -> Map.of("subject", UUID.randomUUID().toString(), "role", "MEMBER");
            case "representative" -> Map.of("subject", UUID.randomUUID().toString(), "reason", "改選");
            case "eligibility" -> Map.of("checks", List.of(Map.of("requirement", "OFFICE_IN_CITY", "satisfied", true,
                    "evidence", "登記簿")));
            case "status-change" -> Map.of("to", "SUSPENDED", "reason", "確認のため");
            case "talent-entry" -> f.talentEntry("マトリクス登録者", "matrix-" + tag + "@example.org", "090-0000-0000");
            case "proposal" -> f.proposal(UUID.fromString(npo), UUID.fromString(f.id("theme")), UUID.fromString(dept),
                    "マトリクスで作る提案 " + tag);
            case "proposal-revision" -> {
                Map<String, Object> body = f.proposal(UUID.fromString(npo), null, UUID.fromString(dept),
                        "マトリクスの改訂 " + tag);
                body.put("revisionNote", "改訂");
                yield body;
            }
            case "submission" -> Map.of("actingFor", npo, "consentToCaseArchive", true);
            case "department-acting" -> Map.of("actingFor", dept);
            case "npo-reason" -> Map.of("actingFor", npo, "reason", "理由");
            case "department-reason" -> Map.of("actingFor", dept, "reason", "理由");
            case "home" -> Map.of("actingFor", home);
            case "home-reason" -> Map.of("actingFor", home, "reason", "理由");
            case "comment" -> Map.of("actingFor", home, "body", "マトリクスのコメント");
            case "theme" -> Kyodo.theme(UUID.fromString(dept), "マトリクスのテーマ " + tag, MatrixFixture.FISCAL_YEAR, 1_000_000);
            case "screening" -> Map.of("actingFor", dept, "reviewers", List.of(DemoUsers.REVIEWER1));
            case "scores" -> MatrixFixture.scores("マトリクスの採点");
            case "decision" -> Map.of("actingFor", dept, "outcome", "ADOPTED", "rationale", "理由");
            case "agreement" -> Map.of("actingFor", dept, "content", Map.of(
                    "title", "マトリクスの協定 " + tag, "form", "AGREEMENT", "activityArea", "C", "field", "OTHER",
                    "term", Map.of("start", MatrixFixture.FISCAL_YEAR + "-04-01",
                            "end", (MatrixFixture.FISCAL_YEAR + 1) + "-03-31"),
                    "parties", List.of(Map.of("organizationId", dept), Map.of("organizationId", npo))));
            case "working-copy" -> Map.of("actingFor", home, "content", f.activeAgreementContent);
            case "signature" -> Map.of("actingFor", home, "documentVersion", f.signingVersion,
                    "contentSha256", f.signingSha256);
            case "cost-report" -> Map.of("actingFor", home, "fiscalYear", MatrixFixture.FISCAL_YEAR,
                    "lines", List.of(Map.of("item", "消耗品", "actualYen", 1000)));
            case "settlement" -> Map.of("actingFor", home, "organizationId", npo, "fiscalYear", MatrixFixture.FISCAL_YEAR,
                    "confirmedAmountYen", 0, "alreadyPaidYen", 0);
            case "milestone" -> Map.of("actingFor", home, "reachedOn", MatrixFixture.today().toString());
            case "round" -> Map.of("kind", "FINAL", "actingFor", home);
            case "self-assessment" -> f.plainAssessment;
            case "finding" -> Map.of("actingFor", home, "item", "COLLABORATION_PROCESS", "finding", "マトリクスの所見");
            case "third-party" -> Map.of("committee", "評価委員会", "opinion", "所見");
            case "notification-preferences" -> Map.of("language", "ja", "deliveries", Map.of("REMINDER", "DAILY_DIGEST"));
            case "committee" -> MatrixFixture.committeeBody(dept, "マトリクス委員会 " + tag);
            case "committee-members" -> {
                Map<String, Object> members = new java.util.LinkedHashMap<>(MatrixFixture.committeeBody(dept, "x"));
                members.remove("name");
                members.remove("kind");
                yield members;
            }
            case "meeting" -> MatrixFixture.meetingBody(dept, f.id("proposal.screening"));
            case "attendance" -> Map.of("actingFor", dept, "present", List.of(DemoUsers.REVIEWER1));
            case "minutes" -> Map.of("actingFor", dept, "minutes", "マトリクスの議事録");
            case "conflict" -> Map.of("proposalId", f.id("proposal.adopted"), "reason", "マトリクスの申告");
            case "comment-period" -> MatrixFixture.commentPeriodBody(dept, "マトリクス意見公募 " + tag);
            case "public-comment" -> MatrixFixture.publicComment("マトリクス意見 " + tag);
            case "comment-result" -> Map.of("actingFor", dept, "groups", List.of(Map.of("opinionSummary", "概要",
                    "receiptNumbers", List.of(1), "cityView", "市の考え方", "response", "OTHER")));
            case "publication" -> Map.of("actingFor", dept);
            case "intake" -> MatrixFixture.intakeBody(home);
            case "follow-up" -> Map.of("actingFor", home, "note", "マトリクスの経過");
            case "intake-closure" -> Map.of("actingFor", home, "outcome", "INFORMATION_GIVEN");
            case "share-draft" -> Map.of("actingFor", npo, "coordinatorOrganizationId", f.id("hub"));
            case "draft-comment" -> Map.of("actingFor", home, "body", "マトリクスの事前相談");
            case "introduction" -> MatrixFixture.introductionBody(f.id("talent.entry"), f.id("intake"));
            case "introduction-answer" -> Map.of("accept", true);
            case "endorsement-application" -> Map.of("actingFor", home, "content", endorsementApplication(f, tag));
            case "grant-decision" -> Map.of("form", "SUBSIDY", "actingFor", home, "documentVersion", 1, "outcome",
                    "GRANTED", "grant", Map.of("fiscalYear", FormSteps.YEAR, "amountYen", 1000, "capYen", 1000,
                            "rate", Map.of("numerator", 1, "denominator", 2)));
            case "advance" -> Map.of("actingFor", home, "amountYen", 1000, "paidOn", FormSteps.TODAY.toString());
            case "results-report" -> Map.of("actingFor", home, "actualCostYen", 1000);
            case "amount-fixing" -> Map.of("actingFor", home, "eligibleCostYen", 1000);
            case "invoice" -> Map.of("actingFor", home, "amountYen", 1000);
            case "payment" -> Map.of("actingFor", home, "paidOn", FormSteps.TODAY.toString());
            case "refund" -> Map.of("actingFor", home, "receivedOn", FormSteps.TODAY.toString());
            case "inspector" -> Map.of("actingFor", home, "inspectorSubject", DemoUsers.SIGNER1);
            case "completion-report" -> Map.of("actingFor", home, "completedOn", FormSteps.TODAY.toString());
            case "inspection" -> Map.of("actingFor", home, "result", "PASSED");
            case "event-report" -> Map.of("actingFor", home, "heldOn", FormSteps.TODAY.toString(), "attendance", 10,
                    "summary", "マトリクスの報告");
            case "goods-return" -> Map.of("actingFor", home, "returnedOn", FormSteps.TODAY.toString());
            case "adopt-activity" -> Map.of("form", "ADOPT_PROGRAM", "actingFor", home, "activityOn",
                    FormSteps.TODAY.toString(), "participants", 3, "workDone", "マトリクスの清掃");
            case "supply-request" -> Map.of("actingFor", home, "items", List.of(Map.of("item", "軍手", "quantity", 5)));
            case "supply-decision" -> Map.of("actingFor", home, "approved", true);
            default -> throw new IllegalStateException("no body template " + name);
        };
    }

    /** An organisation's application to use the city's name for an event today (D1 and the NPO its parties). */
    private static Map<String, Object> endorsementApplication(MatrixFixture f, String tag) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "マトリクスの後援申請 " + tag);
        content.put("form", "ENDORSEMENT");
        content.put("activityArea", "B");
        content.put("field", "OTHER");
        content.put("purpose", "講演会");
        content.put("term", Map.of("start", FormSteps.TODAY.toString(), "end", FormSteps.TODAY.toString()));
        content.put("parties", List.of(Map.of("organizationId", f.id("dept")), Map.of("organizationId", f.id("npo"))));
        content.put("terms", FormSteps.endorsementTerms(FormSteps.TODAY, false));
        return content;
    }

    // ------------------------------------------------------------------------------------------------ what must not show

    private static List<String> leaksIn(Row row, String caller, int status, String body, MatrixFixture fixture) {
        List<String> leaks = new ArrayList<>();
        String where = row.label() + " as " + caller + " (" + status + ")";
        JsonNode json = parse(body);
        String values = json == null ? body : body + "\n" + String.join("\n", strings(json));
        for (MatrixFixture.Sentinel s : fixture.sentinels) {
            if (values.contains(s.value()) && !s.allowedCallers().contains(caller)) {
                leaks.add(where + " shows " + s.name() + " (\"" + s.value() + "\")");
            }
        }
        boolean publicRecord = "public-record".equals(row.check())
                && AuthorizationMatrix.PUBLIC_RECORD_READERS.contains(caller);
        if (AuthorizationMatrix.ANONYMOUS.equals(caller) || publicRecord) {
            fixture.personSubjects.stream().filter(values::contains).forEach(subject -> leaks.add(where
                    + " shows the login subject " + subject + " of a person to a caller who reads the public record"));
        }
        if (publicRecord && json != null) {
            Set<String> keys = new LinkedHashSet<>();
            fieldNames(json, keys);
            for (String key : AuthorizationMatrix.PEOPLE_KEYS) {
                if (keys.contains(key)) {
                    leaks.add(where + " has the field \"" + key + "\", which the public record must not have");
                }
            }
        }
        if (json != null && !row.noKeys().isEmpty()) {
            Set<String> keys = new LinkedHashSet<>();
            fieldNames(json, keys);
            for (String key : row.noKeys()) {
                if (keys.contains(key)) {
                    leaks.add(where + " has the field \"" + key + "\", which this public view must not have");
                }
            }
        }
        if (status == 200 && json != null && "sealed-open-round".equals(row.check())) {
            leaks.addAll(sealedRoundLeaks(where, caller, json, fixture.id("dept")));
        }
        if (status == 200 && json != null && "me-organizations".equals(row.check())) {
            leaks.addAll(myOrganizationsProblems(where, caller, json, fixture.id("npo"), fixture.id("dept")));
        }
        if (status == 200 && json != null && "public-statistics".equals(row.check())
                && !AuthorizationMatrix.INTERNAL_STATISTICS.contains(caller)) {
            if (!"PUBLISHED".equals(json.path("basis").asText())) {
                leaks.add(where + ": statistics for a public caller are based on " + json.path("basis"));
            }
            for (JsonNode cell : json.path("cells")) {
                boolean hidden = cell.path("suppressed").asBoolean(false);
                if (!hidden && cell.path("cases").asLong(0) < 3) {
                    leaks.add(where + ": a statistics cell of fewer than 3 cases is shown: " + cell);
                }
            }
        }
        return leaks;
    }

    /**
     * Each caller's own organisations, no one else's: the NPO for its members (only its representative, a partner,
     * may act for it; the reviewer who is a member may not), D1 for its staff and signatory, neither for the others.
     */
    private static List<String> myOrganizationsProblems(String where, String caller, JsonNode json, String npo,
            String dept) {
        Map<String, Boolean> expected = switch (caller) {
            case "partner" -> Map.of(npo, true);
            case "reviewer-member" -> Map.of(npo, false);
            case "staff", "signatory" -> Map.of(dept, true);
            default -> Map.of();
        };
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (JsonNode item : json.path("items")) {
            String id = item.path("organizationId").asText();
            if (id.equals(npo) || id.equals(dept)) {
                listed.put(id, item.path("mayActFor").asBoolean());
            }
        }
        return listed.equals(expected) ? List.of()
                : List.of(where + ": lists the fixture's organisations as " + listed + ", expected " + expected);
    }

    /** D1 submitted in the OPEN round, the NPO did not: D1's scores are for D1's members only. */
    private static List<String> sealedRoundLeaks(String where, String caller, JsonNode json, String dept) {
        List<String> leaks = new ArrayList<>();
        JsonNode parties = json.isArray() ? json : json.path("parties");
        boolean found = false;
        for (JsonNode party : parties) {
            if (!dept.equals(party.path("organizationId").asText())) {
                continue;
            }
            found = true;
            boolean member = AuthorizationMatrix.DEPT_MEMBERS.contains(caller);
            boolean scoresShown = party.hasNonNull("project") || party.hasNonNull("collaboration");
            if (!party.path("submitted").asBoolean(false)) {
                leaks.add(where + ": D1's submission is not shown as submitted");
            }
            if (!member && (scoresShown || !party.path("sealed").asBoolean(false))) {
                leaks.add(where + ": D1's sealed self-assessment is shown to a caller outside D1: " + party);
            }
            if (member && !scoresShown) {
                leaks.add(where + ": D1's own members do not see D1's scores");
            }
        }
        if (!found) {
            leaks.add(where + ": the department's entry is missing from the round view");
        }
        return leaks;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** "METHOD /path" of every operation in the OpenAPI document served at {@code baseUrl}. */
    static Set<String> operations(String baseUrl) throws IOException {
        String text = given().baseUri(baseUrl).accept("application/json").queryParam("format", "json")
                .get("/q/openapi").then().statusCode(200).extract().asString();
        Set<String> operations = new TreeSet<>();
        JSON.readTree(text).path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return operations;
    }

    private static JsonNode parse(String body) {
        String trimmed = body.trim();
        if (!trimmed.startsWith("{") && !trimmed.startsWith("[")) {
            return null;
        }
        try {
            return JSON.readTree(trimmed);
        } catch (IOException e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isTextual()) {
            out.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> out.addAll(strings(child)));
        }
        return out;
    }

    private static void fieldNames(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                into.add(e.getKey());
                fieldNames(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(child -> fieldNames(child, into));
        }
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= 240 ? flat : flat.substring(0, 240) + "…";
    }
}
