package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import net.jqwik.api.sessions.JqwikSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kyodo.stack.StackConfig;
import jp.kyodo.systemtests.AuthorizationMatrix.Row;
import jp.kyodo.systemtests.HostileRequests.IfMatch;
import jp.kyodo.systemtests.HostileRequests.Operation;
import jp.kyodo.systemtests.HostileRequests.Payload;
import jp.kyodo.systemtests.HostileRequests.Probe;

/**
 * Every operation of the gateway's OpenAPI document called through the gateway with invalid and edge-case input
 * ({@link HostileRequests}, values from jqwik generators with a fixed seed), each time as a caller the authorisation
 * matrix allows and with real ids of the {@link MatrixFixture}, so that the request reaches validation. For every
 * answer: never a 5xx; every 4xx is {@code application/problem+json} with type, title and the status; a request that
 * no state could make valid is refused; and nothing a refused request did is left in any service's audit trail or
 * outbox (found by the request id the test gives each request).
 */
@ExtendWith(SystemUnderTest.class)
class HostileInputIT {

    private static final long SEED = 20_270_401L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STALE_ETAG = "\"999999999\"";
    private static final List<String> DATABASES = List.of("kyodo_directory", "kyodo_proposals", "kyodo_agreements",
            "kyodo_evaluations", "kyodo_notifications");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Below the gateway's 20 requests a second per signed-in caller (kyodo.gateway.rate-limit.authenticated). */
    private static final Duration PER_CALLER_INTERVAL = Duration.ofMillis(55);

    private final String run = "hostile-" + Long.toHexString(System.nanoTime() & 0xffffffL);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> nextFree = new HashMap<>();
    private final Map<String, String> etags = new HashMap<>();
    private int sequence;

    private final List<String> failures = new ArrayList<>();
    private final Map<String, String> refused = new HashMap<>(); // request id -> what was sent
    private final Set<String> acceptedWrites = new HashSet<>();
    private final Map<String, Map<Integer, Integer>> perOperation = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> perKind = new TreeMap<>();
    private int requests;
    private int rateLimited;

    @Test
    void everyOperationRefusesBadInputWithAProblemAndKeepsNothingOfIt() throws Exception {
        long started = System.nanoTime();
        JsonNode document = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl()
                + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<Row> rows = AuthorizationMatrix.load();
        MatrixFixture fixture = MatrixFixture.build();
        // jqwik's generators need a session when used outside its own engine; the seed makes the run repeatable.
        JqwikSession.start(Long.toString(SEED));
        try {
            walk(document, rows, fixture, new HostileRequests(document, new HostileValues(SEED)), started);
        } finally {
            JqwikSession.finish();
        }
    }

    private void walk(JsonNode document, List<Row> rows, MatrixFixture fixture, HostileRequests generator,
            long started) throws Exception {

        List<String> uncovered = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
            while (methods.hasNext()) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                Target target = target(method.getKey().toUpperCase(), path.getKey(), method.getValue(), rows, fixture,
                        generator);
                if (target == null) {
                    uncovered.add(method.getKey().toUpperCase() + " " + path.getKey());
                } else {
                    targets.add(target);
                }
            }
        }
        // Reads first, deletions last: a write the test gets accepted must not take away what later requests need.
        targets.sort(Comparator.comparingInt(t -> switch (t.op().method()) {
            case "GET" -> 0;
            case "DELETE" -> 2;
            default -> 1;
        }));

        control(fixture);
        for (Target target : targets) {
            for (Probe probe : generator.probes(target.op())) {
                send(target, probe);
            }
        }
        outsideTheOperations();
        rateLimitBurst(fixture);
        List<String> persisted = persistedByRefusedRequests();
        AuthorizationMatrixIT.removeTalentEntriesOfTheWalk();

        System.out.printf("hostile input: %d requests to %d operations (at most %d generated per operation) in %d s "
                + "(%d answered 429 and were repeated); by kind and status: %s%n", requests, targets.size(),
                HostileRequests.MAX_PROBES_PER_OPERATION, Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                rateLimited, perKind);
        perOperation.forEach((op, statuses) -> System.out.printf("hostile input:   %-80s %4d %s%n", op,
                statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses));
        assertEquals(List.of(), uncovered, "operations of the OpenAPI document without a row in the authorisation "
                + "matrix, so without a caller and ids to call them with");
        failures.addAll(persisted);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + requests + " hostile requests were answered wrongly:\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(150, failures.size())))
                    + (failures.size() > 150 ? "\n  …" : ""));
        }
        assertTrue(requests > 1500, "only " + requests + " hostile requests were sent");
    }

    // ------------------------------------------------------------------------------------------------ targets

    /** An operation with its callers (those the matrix allows) and each caller's valid body. */
    private record Target(Operation op, List<String> users, Map<String, JsonNode> bodies) {
    }

    private static Target target(String method, String template, JsonNode definition, List<Row> rows,
            MatrixFixture fixture, HostileRequests generator) {
        for (Row row : rows) {
            if (!row.method().equals(method) || !row.path().equals(template)) {
                continue;
            }
            List<String> callers = callersAnswered(row, List.of("2xx", "pass"));
            if (callers.isEmpty()) {
                // No one succeeds in the fixture's state (a subsidy already decided, an unknown notification): those
                // the service itself answers, past the gateway's and the authorisation's refusals, are probed.
                callers = callersAnswered(row, List.of("409", "404"));
            }
            if (callers.isEmpty()) {
                continue;
            }
            Map<String, String> pathValues = new LinkedHashMap<>();
            row.params().forEach((name, key) -> pathValues.put(name, fixture.ids.containsKey(key) ? fixture.id(key)
                    : key));
            Operation op = new Operation(method, template, definition, pathValues, row.query(), row.checksIfMatch());
            List<String> users = new ArrayList<>();
            Map<String, JsonNode> bodies = new HashMap<>();
            JsonNode bodySchema = definition.path("requestBody").path("content").path("application/json")
                    .path("schema");
            for (String caller : callers) {
                String user = AuthorizationMatrix.USERS.get(caller);
                users.add(user);
                if (row.body() != null) {
                    bodies.put(user, JSON.valueToTree(AuthorizationMatrixIT.body(row.body(), caller, fixture)));
                } else if (!bodySchema.isMissingNode()) {
                    bodies.put(user, example(generator.resolve(bodySchema), generator));
                }
            }
            return new Target(op, users, bodies);
        }
        return null;
    }

    private static List<String> callersAnswered(Row row, List<String> cells) {
        List<String> callers = new ArrayList<>();
        row.expected().forEach((caller, cell) -> {
            if (!AuthorizationMatrix.ANONYMOUS.equals(caller) && cells.contains(cell)) {
                callers.add(caller);
            }
        });
        return callers;
    }

    /** A body of the schema's required properties, for an operation the matrix calls without one. */
    private static JsonNode example(JsonNode schema, HostileRequests generator) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (JsonNode name : schema.path("required")) {
            JsonNode property = generator.resolve(schema.path("properties").path(name.asText()));
            JsonNode value;
            if (property.has("enum")) {
                value = property.path("enum").get(0);
            } else if ("uuid".equals(property.path("format").asText())) {
                value = JsonNodeFactory.instance.textNode(UUID.randomUUID().toString());
            } else if ("date".equals(property.path("format").asText())) {
                value = JsonNodeFactory.instance.textNode(LocalDate.now().toString());
            } else {
                value = switch (property.path("type").asText("string")) {
                    case "integer", "number" -> JsonNodeFactory.instance.numberNode(1);
                    case "boolean" -> JsonNodeFactory.instance.booleanNode(true);
                    case "array" -> JsonNodeFactory.instance.arrayNode();
                    case "object" -> example(property, generator);
                    default -> JsonNodeFactory.instance.textNode("x");
                };
            }
            body.set(name.asText(), value);
        }
        return body;
    }

    // ------------------------------------------------------------------------------------------------ sending

    private void send(Target target, Probe probe) throws InterruptedException {
        String user = leastBusy(target.users());
        Operation op = target.op();
        String label = op.label() + " [" + probe.kind() + ": " + probe.detail() + "] as " + user;
        String requestId = run + "-" + (++sequence);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl() + probe.path()
                + (probe.query() == null ? "" : "?" + probe.query())))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Gateway.token(user))
                .header("Accept", "application/json")
                .header("X-Request-Id", requestId);
        switch (probe.ifMatch()) {
            case STALE -> request.setHeader("If-Match", STALE_ETAG);
            case CURRENT -> request.setHeader("If-Match", currentEtag(probe.path(), user));
            default -> {
            }
        }
        probe.headers().forEach(request::setHeader);
        Payload payload = probe.body().make(target.bodies().get(user));
        if (payload != null && payload.contentType() != null) {
            request.header("Content-Type", payload.contentType());
        }
        request.method(op.method(), payload == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(payload.bytes()));
        HttpRequest built = request.build();

        HttpResponse<byte[]> response = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            pace(user);
            requests++;
            try {
                response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures.add(label + ": no answer (" + e + ")");
                return;
            }
            checkAnswer(label, response);
            if (response.statusCode() != 429) {
                break;
            }
            rateLimited++;
            Thread.sleep(1000 * MatrixFixture.retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        int status = response.statusCode();
        perOperation.computeIfAbsent(op.label(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        perKind.computeIfAbsent(probe.kind(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
        if (probe.mustReject() && status < 400) {
            failures.add(label + ": accepted with " + status + " " + excerpt(response.body()));
        }
        if (probe.detail().startsWith("repeated key") && !namesTheRepeatedKey(target.bodies().get(user), response)) {
            failures.add(label + ": " + status + " does not name the repeated property: " + excerpt(response.body()));
        }
        boolean ownRequestId = !probe.headers().containsKey("X-Request-Id");
        if (status >= 400 && ownRequestId) {
            refused.put(requestId, label + " -> " + status);
        } else if (status < 300 && op.isWrite()) {
            if (ownRequestId) {
                acceptedWrites.add(requestId);
            }
            etags.clear();
        }
    }

    /** A repeated property is a 400 listing it among the invalid fields (the body is read before anything else). */
    private static boolean namesTheRepeatedKey(JsonNode validBody, HttpResponse<byte[]> response) {
        String name = validBody != null && validBody.isObject() && !validBody.isEmpty() ? validBody.fieldNames().next()
                : "a";
        try {
            JsonNode problem = JSON.readTree(response.body());
            for (JsonNode error : problem.path("errors")) {
                if (name.equals(error.path("field").asText())) {
                    return response.statusCode() == 400;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The 5xx and problem+json rules every answer follows, 429 of the gateway included; every answer has its id. */
    private void checkAnswer(String label, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (response.headers().firstValue("X-Request-Id").isEmpty()) {
            failures.add(label + ": " + status + " without an X-Request-Id");
        }
        try {
            OpenApiContract.check(response.request().method(), response.request().uri().getRawPath(), status,
                    response.headers().map(), response.body());
        } catch (AssertionError e) {
            failures.add(label + ": " + e.getMessage());
        }
        if (status >= 500) {
            failures.add(label + ": " + status + " " + excerpt(response.body()));
            return;
        }
        if (status < 400) {
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(label + ": " + status + " with Content-Type '" + type + "', not application/problem+json: "
                    + excerpt(response.body()));
            return;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (!problem.path("type").isTextual() || problem.path("type").asText().isBlank()
                    || !problem.path("title").isTextual() || problem.path("status").asInt(-1) != status) {
                failures.add(label + ": " + status + " problem without type, title or the status: "
                        + excerpt(response.body()));
            }
        } catch (IOException e) {
            failures.add(label + ": " + status + " problem body is not JSON: " + excerpt(response.body()));
        }
    }

    /**
     * What the gateway answers before any operation is chosen: paths outside /api and methods a path does not take,
     * request lines and headers over its limits (64 kB of headers included: an answer, not a reset connection), a body
     * over its limit. Each is the exact status as a problem document with the request id.
     */
    private void outsideTheOperations() throws InterruptedException {
        String longText = "x".repeat(4_100);
        Map<String, String> manyHeaders = new LinkedHashMap<>();
        for (int i = 0; i < 120; i++) {
            manyHeaders.put("X-Extra-" + i, "y".repeat(150));
        }
        List<Object[]> cases = new ArrayList<>(); // method, path, headers, body bytes, status
        for (String path : List.of("/", "/nowhere", "/q/nowhere", "/api", "/index.html", "/.env", "/api/../etc/passwd")) {
            cases.add(new Object[] {"GET", path, Map.of(), 0, 404});
        }
        cases.add(new Object[] {"POST", "/q/openapi", Map.of(), 0, 405});
        cases.add(new Object[] {"DELETE", "/q/openapi", Map.of(), 0, 405});
        cases.add(new Object[] {"GET", "/api/proposals?q=" + longText, Map.of(), 0, 414});
        cases.add(new Object[] {"GET", "/api/directory/organizations/" + longText, Map.of(), 0, 414});
        cases.add(new Object[] {"GET", "/nowhere?q=" + longText, Map.of(), 0, 414});
        for (int size : new int[] {20_000, 64 * 1024}) {
            cases.add(new Object[] {"GET", "/api/proposals/themes", Map.of("X-Padding", "p".repeat(size)), 0, 431});
        }
        cases.add(new Object[] {"GET", "/api/proposals/themes", manyHeaders, 0, 431});
        cases.add(new Object[] {"POST", "/api/proposals", Map.of("Content-Type", "application/json"), 2 * 1024 * 1024, 413});
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) c[2];
            String label = c[0] + " " + HostileRequests.abbreviate((String) c[1]) + (headers.isEmpty() ? ""
                    : " [" + headers.size() + " headers, " + headers.values().stream().mapToInt(String::length).sum()
                            + " characters]") + ((int) c[3] > 0 ? " [" + c[3] + " bytes of body]" : "");
            String requestId = run + "-" + (++sequence);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl() + c[1]))
                    .timeout(Duration.ofSeconds(30)).header("X-Request-Id", requestId);
            headers.forEach(request::header);
            request.method((String) c[0], (int) c[3] == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(new byte[(int) c[3]]));
            pace("anonymous");
            requests++;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                failures.add(label + ": no answer (" + e + ")");
                continue;
            }
            checkAnswer(label, response);
            perKind.computeIfAbsent("outside the operations", k -> new TreeMap<>())
                    .merge(response.statusCode(), 1, Integer::sum);
            refused.put(requestId, label + " -> " + response.statusCode());
            if (response.statusCode() != (int) c[4]) {
                failures.add(label + ": expected " + c[4] + ", got " + response.statusCode() + " "
                        + excerpt(response.body()));
            }
        }
    }

    /**
     * Malformed writes as fast as one caller can send them, until the gateway's rate limit answers: its 429 must be a
     * problem too. Then a pause, so that the bucket is full again for whatever runs next.
     */
    private void rateLimitBurst(MatrixFixture fixture) throws IOException, InterruptedException {
        String user = "analyst1";
        boolean limited = false;
        for (int i = 0; i < 200 && !limited; i++) {
            String requestId = run + "-" + (++sequence);
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl()
                    + "/api/directory/organizations/" + fixture.id("npo") + "/members"))
                    .header("Authorization", "Bearer " + Gateway.token(user)).header("X-Request-Id", requestId)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"subject\":"))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            requests++;
            checkAnswer("POST /api/directory/organizations/{id}/members [burst " + i + "] as " + user, response);
            perKind.computeIfAbsent("burst", k -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            refused.put(requestId, "burst " + i + " -> " + response.statusCode());
            limited = response.statusCode() == 429;
        }
        assertTrue(limited, "200 requests at once as " + user + " never met the gateway's rate limit");
        Thread.sleep(3000);
    }

    /** The caller of the target whose rate-limit bucket is freest. */
    private String leastBusy(List<String> users) {
        return users.stream().min(Comparator.comparingLong(u -> nextFree.getOrDefault(u, 0L))).orElseThrow();
    }

    private void pace(String user) throws InterruptedException {
        long now = System.nanoTime();
        long free = nextFree.getOrDefault(user, 0L);
        if (free > now) {
            Thread.sleep((free - now) / 1_000_000, (int) ((free - now) % 1_000_000));
        }
        nextFree.put(user, Math.max(now, free) + PER_CALLER_INTERVAL.toNanos());
    }

    /**
     * The ETag of the resource a write is addressed to (the path itself or the nearest one above it that answers a
     * GET with one): a probe that should be refused for its body alone must not be refused for a stale version.
     */
    private String currentEtag(String path, String user) {
        String candidate = path;
        while (candidate.chars().filter(c -> c == '/').count() > 2) {
            String key = user + " " + candidate;
            String cached = etags.get(key);
            if (cached != null) {
                return cached;
            }
            try {
                pace(user);
                requests++;
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(SystemUnderTest.gatewayUrl()
                        + candidate)).header("Authorization", "Bearer " + Gateway.token(user))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.discarding());
                String etag = r.headers().firstValue("ETag").orElse(null);
                if (r.statusCode() == 200 && etag != null) {
                    etags.put(key, etag);
                    return etag;
                }
            } catch (IOException e) {
                throw new IllegalStateException("GET " + candidate, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return STALE_ETAG;
    }

    // ------------------------------------------------------------------------------------------------ what was kept

    /** A valid write sent the same way: its request id must be found, or the search for refused ones proves nothing. */
    private void control(MatrixFixture fixture) throws InterruptedException {
        Operation op = new Operation("POST", "/api/directory/organizations/{id}/members", JSON.createObjectNode(),
                Map.of("id", fixture.id("npo")), null, false);
        JsonNode member = JSON.valueToTree(Map.of("subject", UUID.randomUUID().toString(), "role", "MEMBER"));
        Probe probe = new Probe("control", "a valid request", false, "/api/directory/organizations/" + fixture.id("npo")
                + "/members", null, Map.of(), IfMatch.NONE, base -> HostileRequests.json(base));
        int before = acceptedWrites.size();
        send(new Target(op, List.of("staff1"), Map.of("staff1", member)), probe);
        assertEquals(before + 1, acceptedWrites.size(), "the control request was not accepted: " + failures);
    }

    /**
     * Audit entries and outbox rows of this run's requests, in every service's database: none may belong to a refused
     * request (looked up once the events the accepted ones caused have had time to travel).
     */
    private List<String> persistedByRefusedRequests() throws SQLException, InterruptedException {
        Thread.sleep(2000);
        Set<String> found = new HashSet<>();
        for (String database : DATABASES) {
            try (Connection c = DriverManager.getConnection(SystemUnderTest.stack().jdbcUrl(database),
                    StackConfig.DB_USER, StackConfig.DB_PASSWORD);
                    PreparedStatement q = c.prepareStatement("select request_id from kyodo_audit_entry where request_id "
                            + "like ? union select request_id from kyodo_outbox where request_id like ?")) {
                q.setString(1, run + "-%");
                q.setString(2, run + "-%");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        }
        long acceptedFound = acceptedWrites.stream().filter(found::contains).count();
        System.out.printf("hostile input: %d refused requests, none may have left a trace; %d accepted writes, %d of "
                + "them found in an audit trail or outbox%n", refused.size(), acceptedWrites.size(), acceptedFound);
        assertTrue(acceptedFound > 0, "no accepted write was found by its request id: the search cannot see traces");
        List<String> persisted = new ArrayList<>();
        refused.forEach((id, what) -> {
            if (found.contains(id)) {
                persisted.add(what + ": refused, yet left an audit entry or outbox row (request id " + id + ")");
            }
        });
        return persisted;
    }

    private static String excerpt(byte[] body) {
        String flat = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
