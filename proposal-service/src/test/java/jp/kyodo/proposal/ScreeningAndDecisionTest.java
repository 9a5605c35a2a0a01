package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScreeningAndDecisionTest extends ProposalTestSupport {

    static final String OUTSIDE_REVIEWER = "reviewer-outside-" + UUID.randomUUID();

    record Call(UUID department, String theme, String a, UUID npoA, String b, UUID npoB) {
    }

    /** Two NPOs answer one theme; REVIEWER2 belongs to the second one. Both proposals are in consultation. */
    Call themeWithTwoProposalsInConsultation() {
        UUID department = department(STAFF1);
        UUID npoA = verifiedNpo(PARTNER1);
        UUID npoB = verifiedNpo(PARTNER2, REVIEWER2);
        staff(STAFF1).body(Map.of("departmentId", department, "title", "公園", "localIssue", "担い手不足",
                "fiscalYear", 2027, "budgetCeilingYen", 500000, "opensAt",
                Instant.now().minus(1, ChronoUnit.DAYS).toString(), "closesAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString(), "criteriaWeights", Map.of("FEASIBILITY", 3)))
                .post("/api/proposals/themes").then().statusCode(201);
        String theme = staff(STAFF1).queryParam("open", true).queryParam("limit", 100).get("/api/proposals/themes")
                .then().extract().path("items.find { it.departmentId == '" + department + "' }.id");
        String a = draft(PARTNER1, proposalBody(npoA, department, theme, 100000));
        String b = draft(PARTNER2, proposalBody(npoB, department, theme, 100000));
        submit(PARTNER1, a, npoA, true).then().statusCode(200);
        submit(PARTNER2, b, npoB, false).then().statusCode(200);
        for (String id : List.of(a, b)) {
            staff(STAFF1).header("If-Match", etagOf(id))
                    .body(Map.of("actingFor", department)).post("/api/proposals/" + id + "/consultation").then()
                    .statusCode(200);
        }
        return new Call(department, theme, a, npoA, b, npoB);
    }

    void openScreening(Call call, String id) {
        staff(STAFF1).header("If-Match", etagOf(id)).body(Map.of("actingFor", call.department(), "reviewers",
                List.of(REVIEWER1, REVIEWER2, OUTSIDE_REVIEWER))).post("/api/proposals/" + id + "/screening").then()
                .statusCode(200).body("criteriaWeights.FEASIBILITY", equalTo(3)).body("round", equalTo(1));
    }

    static Map<String, Object> scores(int feasibility, int others) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String criterion : List.of("PUBLIC_BENEFIT", "NEED_FOR_COLLABORATION", "FEASIBILITY", "PIONEERING",
                "SUSTAINABILITY", "BUDGET_SOUNDNESS")) {
            list.add(Map.of("criterion", criterion, "score", criterion.equals("FEASIBILITY") ? feasibility : others,
                    "comment", "所見 " + criterion));
        }
        return Map.of("scores", list);
    }

    @Test
    void theCommitteeScoresWithConflictsRefusedSealedScoresAWeightedRankingAndAPublishedAdoption() {
        Call call = themeWithTwoProposalsInConsultation();

        partner(PARTNER1).body(Map.of("actingFor", call.npoA(), "reviewers", List.of(REVIEWER1)))
                .post("/api/proposals/" + call.a() + "/screening").then().statusCode(403);
        openScreening(call, call.a());
        openScreening(call, call.b());
        assertThat(eventPayload("jp.kyodo.proposal.screening-opened.v1", call.a()).get("committeeSize").asInt())
                .isEqualTo(3);

        // Conflicts of interest: REVIEWER2 belongs to B's proposer, which also competes with A in the same theme.
        reviewer(REVIEWER2).body(scores(5, 5)).post("/api/proposals/" + call.b() + "/scores").then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:conflict-of-interest"))
                .body("detail", containsString("member of proposing organisation"));
        reviewer(REVIEWER2).body(scores(5, 5)).post("/api/proposals/" + call.a() + "/scores").then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:conflict-of-interest"))
                .body("detail", containsString("same theme"));
        reviewer("not-on-committee").body(scores(5, 5)).post("/api/proposals/" + call.a() + "/scores").then()
                .statusCode(403);
        partner(PARTNER1).body(scores(5, 5)).post("/api/proposals/" + call.a() + "/scores").then().statusCode(403);

        Map<String, Object> outOfRange = new LinkedHashMap<>(scores(5, 5));
        List<Map<String, Object>> bad = new ArrayList<>((List<Map<String, Object>>) outOfRange.get("scores"));
        bad.set(0, Map.of("criterion", "PUBLIC_BENEFIT", "score", 6));
        reviewer(REVIEWER1).body(Map.of("scores", bad)).post("/api/proposals/" + call.a() + "/scores").then()
                .statusCode(400).body("errors.field", hasItem("scores[0].score"));
        reviewer(REVIEWER1).body(Map.of("scores", bad.subList(1, 6))).post("/api/proposals/" + call.a() + "/scores")
                .then().statusCode(400).body("errors.field", hasItem("scores"));

        // Scores are sealed until one has submitted one's own.
        reviewer(REVIEWER1).body(scores(5, 4)).post("/api/proposals/" + call.a() + "/scores").then().statusCode(201);
        reviewer(REVIEWER1).body(scores(5, 4)).post("/api/proposals/" + call.a() + "/scores").then().statusCode(409);
        reviewer(OUTSIDE_REVIEWER).get("/api/proposals/" + call.a() + "/scores").then().statusCode(200)
                .body("$", hasSize(0));
        reviewer(OUTSIDE_REVIEWER).body(scores(5, 3)).post("/api/proposals/" + call.a() + "/scores").then()
                .statusCode(201);
        reviewer(OUTSIDE_REVIEWER).get("/api/proposals/" + call.a() + "/scores").then().body("$", hasSize(2));
        reviewer(REVIEWER1).body(scores(1, 5)).post("/api/proposals/" + call.b() + "/scores").then().statusCode(201);
        staff(STAFF1).get("/api/proposals/" + call.b() + "/scores").then().statusCode(200).body("$", hasSize(1));
        partner(PARTNER2).get("/api/proposals/" + call.b() + "/scores").then().statusCode(403);

        // A: feasibility 5, others 3.5 → (3×5 + 5×3.5) / 8 = 4.06; B: (3×1 + 5×5) / 8 = 3.50, though B's plain mean is higher.
        staff(STAFF1).get("/api/proposals/themes/" + call.theme() + "/ranking").then().statusCode(200)
                .body("proposalId", contains(call.a(), call.b())).body("[0].result.weightedMean", equalTo(4.06f))
                .body("[1].result.weightedMean", equalTo(3.5f)).body("[0].rank", equalTo(1));
        partner(PARTNER1).get("/api/proposals/themes/" + call.theme() + "/ranking").then().statusCode(403);

        // The decision.
        partner(PARTNER1).body(Map.of("actingFor", call.npoA(), "outcome", "ADOPTED", "rationale", "x"))
                .post("/api/proposals/" + call.a() + "/decision").then().statusCode(403);
        staff(STAFF1).header("If-Match", etagOf(call.a()))
                .body(Map.of("actingFor", call.department(), "outcome", "ADOPTED", "rationale",
                "実現可能性が高く地域の担い手育成につながる")).post("/api/proposals/" + call.a() + "/decision").then()
                .statusCode(200).body("status", equalTo("ADOPTED"));
        staff(STAFF1).header("If-Match", etagOf(call.b()))
                .body(Map.of("actingFor", call.department(), "outcome", "NOT_ADOPTED", "rationale",
                "実施体制の具体化が不十分")).post("/api/proposals/" + call.b() + "/decision").then().statusCode(200)
                .body("status", equalTo("NOT_ADOPTED"));
        staff(STAFF1).header("If-Match", etagOf(call.b()))
                .body(Map.of("actingFor", call.department(), "outcome", "NOT_ADOPTED", "rationale", "again"))
                .post("/api/proposals/" + call.b() + "/decision").then().statusCode(409);

        // proposal.adopted carries exactly contract 2.
        JsonNode adopted = eventPayload("jp.kyodo.proposal.adopted.v1", call.a());
        Set<String> fields = new TreeSet<>();
        for (Iterator<String> names = adopted.fieldNames(); names.hasNext();) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactlyInAnyOrder("proposalId", "version", "referenceNumber", "fiscalYear", "origin",
                "themeId", "title", "localIssue", "goals", "approach", "collaborationForm", "activityArea", "field",
                "period", "beneficiaries", "expectedEffects", "proposingOrganizationIds", "departmentId", "budgetLines",
                "decisionRationale", "decidedAt");
        assertThat(adopted.get("origin").asText()).isEqualTo("CITY_INITIATED");
        assertThat(adopted.get("fiscalYear").asInt()).isEqualTo(2027);
        assertThat(adopted.get("themeId").asText()).isEqualTo(call.theme());
        assertThat(adopted.get("period").get("start").asText()).isEqualTo("2027-04-01");
        assertThat(adopted.get("budgetLines").get(1).get("amountYen").asLong()).isEqualTo(100000);
        assertThat(adopted.get("budgetLines").get(1).get("organizationId").asText())
                .isEqualTo(call.department().toString());
        assertThat(adopted.get("departmentId").asText()).isEqualTo(call.department().toString());
        assertThat(adopted.get("proposingOrganizationIds").get(0).asText()).isEqualTo(call.npoA().toString());
        assertThat(adopted.get("decisionRationale").asText()).isEqualTo("実現可能性が高く地域の担い手育成につながる");
        assertThat(adopted.get("goals").size()).isEqualTo(2);
        String eventVersion = adopted.get("version").asText();
        anonymous().get("/api/proposals/" + call.a()).then().header("ETag", "\"" + eventVersion + "\"");
        assertThat(eventPayload("jp.kyodo.proposal.not-adopted.v1", call.b()).has("decisionRationale")).isFalse();

        // Publication: the adopted proposal with its rationale and aggregate result, for anyone; no reviewer comments.
        anonymous().get("/api/proposals/" + call.a()).then().statusCode(200).body("status", equalTo("ADOPTED"))
                .body("decisionRationale", equalTo("実現可能性が高く地域の担い手育成につながる"))
                .body("screeningResult.weightedMean", equalTo(4.06f)).body("screeningResult.reviewerCount", equalTo(2))
                .body(not(containsString("所見")));
        anonymous().get("/api/proposals/" + call.a() + "/screening-result").then().statusCode(200)
                .body("meanByCriterion.FEASIBILITY", equalTo(5.0f));
        anonymous().queryParam("themeId", call.theme()).get("/api/proposals/published").then().statusCode(200)
                .body("items.id", contains(call.a()))
                .body("items[0].screeningResult.weightedMean", equalTo(4.06f));
        // Not adopted: only counts are public; the proposers and staff see the decision and rationale.
        anonymous().get("/api/proposals/" + call.b()).then().statusCode(401);
        partner(PARTNER1).get("/api/proposals/" + call.b()).then().statusCode(403);
        partner(PARTNER2).get("/api/proposals/" + call.b()).then().statusCode(200)
                .body("decisionRationale", equalTo("実施体制の具体化が不十分"));
        staff(STAFF1).get("/api/proposals/" + call.b()).then().statusCode(200)
                .body("decisionRationale", equalTo("実施体制の具体化が不十分"));
        anonymous().get("/api/proposals/themes/" + call.theme() + "/outcomes").then().statusCode(200)
                .body("counts.ADOPTED", equalTo(1)).body("counts.NOT_ADOPTED", equalTo(1))
                .body("counts.SUBMITTED", equalTo(0));
        staff(STAFF1).get("/api/proposals/" + call.a() + "/audit-trail").then()
                .body("action", hasItem("adopted")).body("find { it.action == 'adopted' }.reason",
                        equalTo("実現可能性が高く地域の担い手育成につながる"));
    }

    @Test
    void noDecisionBeforeAnyReviewerHasScoredAndNoScreeningBeforeConsultation() {
        Fixture f = submittedProposal();
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department(), "reviewers", List.of(REVIEWER1)))
                .post("/api/proposals/" + f.id() + "/screening").then().statusCode(409)
                .body("allowedTransitions", hasItem("IN_CONSULTATION"));
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department())).post("/api/proposals/" + f.id() + "/consultation")
                .then().statusCode(200);
        staff(STAFF1).body(Map.of("actingFor", f.department(), "reviewers", List.of())).post("/api/proposals/"
                + f.id() + "/screening").then().statusCode(400).body("errors.field", hasItem("reviewers"));
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department(), "reviewers", List.of(REVIEWER1), "criteriaWeights",
                Map.of("PIONEERING", 2))).post("/api/proposals/" + f.id() + "/screening").then().statusCode(200)
                .body("criteriaWeights.PIONEERING", equalTo(2));
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department(), "outcome", "ADOPTED", "rationale", "早すぎる"))
                .post("/api/proposals/" + f.id() + "/decision").then().statusCode(409);
        staff(STAFF1).body(Map.of("actingFor", f.department(), "outcome", "MAYBE", "rationale", "x"))
                .post("/api/proposals/" + f.id() + "/decision").then().statusCode(400)
                .body("errors.field", hasItem("outcome"));
        anonymous().get("/api/proposals/" + f.id() + "/screening-result").then().statusCode(401);
        partner(PARTNER1).get("/api/proposals/" + f.id()).then().body("screeningResult", nullValue());
    }
}
