package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The one rule for If-Match, through the gateway, on a write of each service (an organisation's profile, a proposal's
 * withdrawal, an agreement's working copy, an evaluation round's closing): the caller is authorised first (403 for a
 * stranger whatever If-Match says, or without one), then the precondition (428 without it, 412 when stale or
 * unreadable), and {@code *} lets the write through on whatever version is current.
 */
@ExtendWith(SystemUnderTest.class)
class IfMatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ANY_IF_MATCH = Arrays.asList(null, "garbage", "*", "\"999999\"");

    private final CollaborationSteps steps = CollaborationSteps.parties();

    @Test
    void directoryAnOrganisationsProfile() {
        String path = "/api/directory/organizations/" + steps.npo;
        Map<String, Object> profile = Map.of("name", "NPO法人条件付き更新の会 " + steps.tag, "nameKana", "じょうけんつきこうしんのかい",
                "fields", List.of("OTHER"));
        String read = Kyodo.etag("partner1", path);
        assertRule(() -> Gateway.as("partner2").body(profile), () -> Gateway.as("partner1").body(profile), "PUT", path,
                read, 200);
    }

    @Test
    void proposalsAWithdrawal() {
        UUID proposal = Kyodo.createProposalOnceKnown("partner1", Kyodo.proposal(steps.npo, steps.theme,
                steps.department, "取り下げる提案 " + steps.tag, CollaborationSteps.FISCAL_YEAR, CollaborationSteps.CITY_SHARE));
        Kyodo.submitOnceVerified("partner1", proposal, steps.npo);
        String path = "/api/proposals/" + proposal;
        Map<String, Object> withdrawal = Map.of("actingFor", steps.npo.toString(), "reason", "体制が整わないため");
        assertRule(() -> Gateway.as("partner2").body(withdrawal), () -> Gateway.as("partner1").body(withdrawal), "POST",
                path + "/withdrawal", Kyodo.etag("partner1", path), 200);
        Gateway.as("partner1").get(path).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void agreementsTheWorkingCopy() throws Exception {
        UUID agreement = steps.openAgreement("条件付き更新の協定");
        steps.awaitSignatoriesKnown(agreement);
        String path = "/api/agreements/" + agreement + "/working-copy";
        ExtractableResponse<Response> read = Gateway.as("partner1").get(path).then().statusCode(200).extract();
        JsonNode content = JSON.readTree(read.asString()).path("content");
        Map<String, Object> edit = Map.of("actingFor", steps.npo.toString(), "content", content);
        assertRule(() -> Gateway.as("partner2").body(edit), () -> Gateway.as("partner1").body(edit), "PUT", path,
                read.header("ETag"), 200);
    }

    @Test
    void evaluationsARoundsClosing() {
        UUID agreement = steps.openAgreement("条件付き更新の評価");
        steps.awaitSignatoriesKnown(agreement);
        steps.signByBoth(agreement, steps.submitForSignature(agreement));
        String plan = Eventually.await("evaluation-service plans the evaluation of " + agreement, Eventually.CROSS_SERVICE,
                () -> CollaborationSteps.plansOf(agreement).stream().findFirst());
        String round = Eventually.await("evaluation-service lets staff1 open a round", Eventually.CROSS_SERVICE, () -> {
            ExtractableResponse<Response> r = Gateway.as("staff1").body(Map.of("kind", "FINAL", "actingFor",
                    steps.department.toString())).post("/api/evaluations/" + plan + "/rounds").then().extract();
            return r.statusCode() == 201 ? Optional.of(r.<String>path("id")) : Optional.empty();
        });
        String path = "/api/evaluations/rounds/" + round;
        Map<String, Object> closing = Map.of("actingFor", steps.npo.toString());
        Eventually.until("evaluation-service lets partner1 read the round", Eventually.CROSS_SERVICE,
                () -> Gateway.as("partner1").get(path).then().extract().statusCode() == 200);
        // The round is OPEN, not yet IN_REVIEW: once the precondition passes, the state answers (409).
        assertRule(() -> Gateway.as("partner2").body(closing), () -> Gateway.as("partner1").body(closing), "POST",
                path + "/closing", Kyodo.etag("partner1", path), 409);
    }

    /**
     * The rule on one write: {@code stranger} is refused whatever it sends; {@code party}, who may write, gets 428
     * without If-Match, 412 with a stale or unreadable one, and with {@code *} whatever the write answers once the
     * precondition holds ({@code passed}). Nothing of the refused requests changed the resource: the ETag read before
     * is still current until {@code *}.
     */
    private static void assertRule(Supplier<RequestSpecification> stranger, Supplier<RequestSpecification> party,
            String method, String path, String currentEtag, int passed) {
        List<String> wrong = new ArrayList<>();
        for (String ifMatch : ANY_IF_MATCH) {
            expect(wrong, stranger, ifMatch, method, path, 403, "urn:kyodo:problem:forbidden");
        }
        expect(wrong, stranger, currentEtag, method, path, 403, "urn:kyodo:problem:forbidden");
        expect(wrong, party, null, method, path, 428, "urn:kyodo:problem:precondition-required");
        for (String ifMatch : List.of("\"999999\"", "garbage", "W/" + currentEtag, "\"999999\", *")) {
            expect(wrong, party, ifMatch, method, path, 412, "urn:kyodo:problem:precondition-failed");
        }
        expect(wrong, party, "*", method, path, passed, null);
        assertEquals(List.of(), wrong, method + " " + path);
        assertFalse(currentEtag == null || currentEtag.isBlank(), "the resource had an ETag");
    }

    private static void expect(List<String> wrong, Supplier<RequestSpecification> caller, String ifMatch, String method,
            String path, int status, String type) {
        RequestSpecification request = caller.get();
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        ExtractableResponse<Response> r = request.request(method, path).then().extract();
        String problemType = r.statusCode() >= 400 ? r.path("type") : null;
        if (r.statusCode() != status || type != null && !type.equals(problemType)) {
            wrong.add("If-Match " + ifMatch + ": expected " + status + " " + (type == null ? "" : type) + ", got "
                    + r.statusCode() + " " + r.asString());
        }
    }
}
