package jp.kyodo.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What the service stand-ins answer to the reads the gateway's own endpoints make: a small world in the shape of the
 * services' views (JSON under {@code src/test/resources/fixtures}), answered per caller as the services would -
 * the caller being the token's {@code sub} (the gateway has verified the token; the stand-in only reads it). Paths
 * not listed here, and listed paths for callers not listed, fall through to the echo behaviour the proxy tests use.
 */
public final class ServiceFixtures {

    // --- people (token subjects) ---------------------------------------------------------------------------------

    /** Representative (代表者) of NPO法人みどりの会 and a member of みなと町内会; role partner. */
    public static final String HANAKO = "hanako";
    /** Signatory (決裁権者, limit 10,000,000 yen) of 公園緑地課; role city-staff. */
    public static final String TARO = "taro";
    /** Reviewer and coordinator at a support centre; roles reviewer and coordinator. */
    public static final String YUKI = "yuki";
    /** Partner of an unrelated organisation; role partner. */
    public static final String JIRO = "jiro";

    // --- ids -----------------------------------------------------------------------------------------------------

    /** Adopted (public), with an ACTIVE agreement and its evaluation plan. */
    public static final String P_ADOPTED = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b10";
    /** A draft answering a theme, seen only by its proposers. */
    public static final String P_DRAFT = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b11";
    public static final String P_CONSULT = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b12";
    /** Adopted; its agreement list takes {@value #SLOW_MILLIS} ms. */
    public static final String P_SLOW_AGREEMENTS = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b15";
    /** Adopted; its agreement list answers 500. */
    public static final String P_BROKEN_AGREEMENTS = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b16";
    /** Adopted; the proposal takes {@value #PARALLEL_DELAY_MILLIS} ms, its agreement list none. */
    public static final String P_SLOW_PROPOSAL = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b17";
    /** The proposal service answers 503 for it; no agreement. */
    public static final String P_PROPOSAL_DOWN = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b18";
    /** The proposal service answers 500 for it; it has an agreement. */
    public static final String P_PROPOSAL_BROKEN = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b19";
    /** No such proposal. */
    public static final String P_UNKNOWN = "c1a1e3d0-6b1f-4f0e-9a3c-1d2e3f4a5b1a";

    public static final String A_ACTIVE = "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c31";
    public static final String A_OF_BROKEN_PROPOSAL = "a9b8c7d6-e5f4-4a3b-9c2d-1e0f9a8b7c34";
    public static final String PLAN = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d41";
    public static final String ROUND_PUBLISHED = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d51";
    public static final String ROUND_OPEN = "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d52";

    public static final long SLOW_MILLIS = 3000;
    public static final long PARALLEL_DELAY_MILLIS = 700;

    /** An answer of a stand-in. */
    public record Answer(int status, String contentType, String body, long delayMillis) {
        Answer delayed(long millis) {
            return new Answer(status, contentType, body, millis);
        }
    }

    /** The caller as the stand-in reads the token: subject and realm roles; null subject when anonymous. */
    record Who(String subject, Set<String> roles) {
        boolean anonymous() {
            return subject == null;
        }
    }

    private static final Map<String, Function<Who, Answer>> ROUTES = new HashMap<>();

    private ServiceFixtures() {
    }

    /** The fixture answer for the request to {@code service}, or null to let the stand-in echo it. */
    public static Answer answer(String service, HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            return null;
        }
        Function<Who, Answer> route = ROUTES.get(key(service, request.path(), request.params()));
        return route == null ? null : route.apply(who(request.getHeader("Authorization")));
    }

    /** {@code service path?sorted-params}, without the page size (the gateway asks for the largest page). */
    static String key(String service, String path, MultiMap params) {
        Map<String, String> sorted = new TreeMap<>();
        params.forEach(e -> {
            if (!"limit".equals(e.getKey())) {
                sorted.put(e.getKey(), e.getValue());
            }
        });
        StringBuilder key = new StringBuilder(service).append(' ').append(path);
        String separator = "?";
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            key.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = "&";
        }
        return key.toString();
    }

    private static Who who(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new Who(null, Set.of());
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length < 2) {
            return new Who(null, Set.of());
        }
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        JsonArray groups = claims.getJsonArray("groups", new JsonArray());
        return new Who(claims.getString("sub"), Set.copyOf(groups.stream().map(String::valueOf).toList()));
    }

    // --- the world ------------------------------------------------------------------------------------------------

    static {
        JsonObject adopted = json("proposal-adopted.json");
        JsonObject draft = json("proposal-draft.json");
        JsonObject consultation = json("proposal-consultation.json");
        JsonObject active = json("agreement-active.json");
        JsonObject plan = json("plan.json");

        // proposals
        route("proposals", "/api/proposals/" + P_ADOPTED, anyone(ok(adopted)));
        route("proposals", "/api/proposals/" + P_DRAFT, who -> who.anonymous() ? problem(401)
                : HANAKO.equals(who.subject()) ? ok(draft) : problem(403));
        route("proposals", "/api/proposals/" + P_CONSULT, who -> who.anonymous() ? problem(401)
                : Set.of(HANAKO, TARO, YUKI).contains(who.subject()) ? ok(consultation) : problem(403));
        route("proposals", "/api/proposals/" + P_SLOW_AGREEMENTS, anyone(ok(adopted.copy().put("id", P_SLOW_AGREEMENTS))));
        route("proposals", "/api/proposals/" + P_BROKEN_AGREEMENTS, anyone(ok(adopted.copy().put("id", P_BROKEN_AGREEMENTS))));
        route("proposals", "/api/proposals/" + P_SLOW_PROPOSAL,
                anyone(ok(adopted.copy().put("id", P_SLOW_PROPOSAL)).delayed(PARALLEL_DELAY_MILLIS)));
        route("proposals", "/api/proposals/" + P_PROPOSAL_DOWN, anyone(problem(503)));
        route("proposals", "/api/proposals/" + P_PROPOSAL_BROKEN, anyone(problem(500)));
        route("proposals", "/api/proposals/" + P_UNKNOWN, anyone(problem(404)));

        // agreements: lists need a signed-in caller; parties and staff see an agreement
        Set<String> partiesAndStaff = Set.of(HANAKO, TARO, YUKI);
        route("agreements", "/api/agreements?proposalId=" + P_ADOPTED, signedIn(partiesAndStaff, page(active), page()));
        route("agreements", "/api/agreements?proposalId=" + P_SLOW_AGREEMENTS, anyone(page().delayed(SLOW_MILLIS)));
        route("agreements", "/api/agreements?proposalId=" + P_BROKEN_AGREEMENTS, anyone(problem(500)));
        route("agreements", "/api/agreements?proposalId=" + P_SLOW_PROPOSAL, anyone(page()));
        route("agreements", "/api/agreements?proposalId=" + P_PROPOSAL_DOWN, anyone(page()));
        route("agreements", "/api/agreements?proposalId=" + P_UNKNOWN, anyone(page()));
        route("agreements", "/api/agreements?proposalId=" + P_DRAFT, signedIn(partiesAndStaff, page(), page()));
        route("agreements", "/api/agreements?proposalId=" + P_PROPOSAL_BROKEN, signedIn(partiesAndStaff,
                page(active.copy().put("id", A_OF_BROKEN_PROPOSAL).put("proposalId", P_PROPOSAL_BROKEN)), page()));

        // evaluations: plans for the parties and internal roles; rounds as each reader may see them
        route("evaluations", "/api/evaluations?agreementId=" + A_ACTIVE, signedIn(partiesAndStaff, page(plan), page()));
        route("evaluations", "/api/evaluations?agreementId=" + A_OF_BROKEN_PROPOSAL, signedIn(partiesAndStaff, page(), page()));
        route("evaluations", "/api/evaluations", signedIn(partiesAndStaff, page(plan), page()));
        route("evaluations", "/api/evaluations/" + PLAN + "/rounds",
                people(Map.of(HANAKO, ok(json("rounds.json")), TARO, ok(json("rounds.json")), YUKI, ok(json("rounds.json"))),
                        problem(403)));
        route("evaluations", "/api/evaluations/rounds/" + ROUND_PUBLISHED, anyone(ok(json("round-published.json"))));
        route("evaluations", "/api/evaluations/rounds/" + ROUND_OPEN, people(Map.of(
                HANAKO, ok(json("round-open-seen-by-partner.json")),
                TARO, ok(json("round-open-seen-by-department.json")),
                YUKI, ok(json("round-open-seen-by-partner.json"))), problem(403)));
    }

    /** The fixture file as the stand-in serves it, for comparing what the gateway passed on. */
    public static JsonObject json(String file) {
        return new JsonObject(read(file));
    }

    private static String read(String file) {
        try (InputStream in = ServiceFixtures.class.getResourceAsStream("/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void route(String service, String pathAndQuery, Function<Who, Answer> answer) {
        int q = pathAndQuery.indexOf('?');
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.add(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        ROUTES.put(key(service, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), params), answer);
    }

    private static Function<Who, Answer> anyone(Answer answer) {
        return who -> answer;
    }

    /** Listed people get their answer; other signed-in people {@code others}; anonymous callers 401. */
    private static Function<Who, Answer> signedIn(Set<String> listed, Answer answer, Answer others) {
        return who -> who.anonymous() ? problem(401) : listed.contains(who.subject()) ? answer : others;
    }

    /** Per person; anyone else (anonymous included) gets {@code others} - null: the stand-in echoes. */
    private static Function<Who, Answer> people(Map<String, Answer> answers, Answer others) {
        return who -> who.anonymous() ? others : answers.getOrDefault(who.subject(), others);
    }

    private static Answer ok(Object body) {
        String text = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
        return new Answer(200, "application/json", text, 0);
    }

    private static Answer page(JsonObject... items) {
        JsonArray array = new JsonArray();
        for (JsonObject item : items) {
            array.add(item);
        }
        return ok(new JsonObject().put("items", array));
    }

    /** The services' problem documents (RFC 9457), as the platform writes them. */
    static Answer problem(int status) {
        String slug = switch (status) {
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 503 -> "unavailable";
            default -> "internal-error";
        };
        JsonObject body = new JsonObject().put("type", "urn:kyodo:problem:" + slug).put("title", slug).put("status", status)
                .put("detail", "fixture answer " + status);
        return new Answer(status, "application/problem+json", body.encode(), 0);
    }
}
