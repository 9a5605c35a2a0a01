package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Before and after the proposal, through the gateway with real tokens: a consultation at the desk that leads to a
 * matched talent and a submitted proposal with a pre-submission thread; a public comment period with comments sent
 * without an account and signed in, and the published responses; a committee screening with a declared conflict and
 * a quorum refusal; and the programme report, whose figures this test recomputes from what it created.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskAndReviewIT {

    static final ZoneId CITY = ZoneId.of("Asia/Tokyo");

    final String tag = Kyodo.tag();
    final LocalDate today = LocalDate.now(CITY);
    final int fiscalYear = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    UUID department;
    UUID npo;
    UUID hub;
    JsonPath reportBefore;
    String talentEmail = "hoiku-" + Kyodo.tag() + "@example.org";
    String visitorName;
    UUID intake;
    UUID proposal;
    int proposalsSubmitted;
    int proposalsAdopted;
    int periodsOpened;
    int commentsSent;

    @Test
    @Order(1)
    void theWorldAndTheReportBefore() {
        department = Kyodo.registerDepartment("staff1", "市民協働推進課D " + tag);
        Kyodo.addMember("staff1", department, DemoUsers.SIGNER1, "SIGNATORY", 5_000_000L);
        npo = Kyodo.registerNpo("staff1", "NPO法人子育てひろばD " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
        hub = UUID.fromString(Kyodo.register("staff1", Kyodo.organization("INTERMEDIARY", "市民活動支援センターD " + tag,
                "しみんかつどうしえんせんたー", null, List.of("OTHER"))).path("id"));
        Kyodo.verify("staff1", hub);
        Kyodo.addMember("staff1", hub, DemoUsers.COORDINATOR1, "STAFF", null);
        reportBefore = report();
    }

    // ------------------------------------------------------------------------------------------ the desk

    @Test
    @Order(2)
    void aConsultationAtTheDeskLeadsToAMatchedTalent() {
        String purpose = Gateway.anonymous().get("/api/directory/talent-bank/purpose-of-use").then().statusCode(200)
                .extract().path("id");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("displayName", "保育 花子" + tag);
        entry.put("skills", List.of("保育士"));
        entry.put("fields", List.of("CHILD_REARING"));
        entry.put("availability", "平日の午後");
        entry.put("area", "中区");
        entry.put("email", talentEmail);
        entry.put("consentToBeContacted", true);
        entry.put("purposeId", purpose);
        ExtractableResponse<Response> mine = Gateway.as("citizen1").get("/api/directory/talent-bank/entries/me").then()
                .extract();
        if (mine.statusCode() == 200) {
            Gateway.as("citizen1").delete("/api/directory/talent-bank/entries/" + mine.path("id")).then().statusCode(204);
        }
        String talent = Gateway.as("citizen1").body(entry).post("/api/directory/talent-bank/entries").then()
                .statusCode(201).extract().path("id");

        visitorName = "相談 太郎" + tag;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", hub.toString());
        body.put("channel", "COUNTER");
        body.put("visitorOrganizationId", npo.toString());
        body.put("topic", "子育てサロンを立ち上げたいが、保育の経験者がいない");
        body.put("field", "CHILD_REARING");
        body.put("needs", Map.of("skills", List.of("保育士"), "area", "中区"));
        body.put("assignedCoordinator", DemoUsers.COORDINATOR1);
        intake = Eventually.await("proposal-service lets coordinator1 work the desk for the hub", Eventually.CROSS_SERVICE,
                () -> {
                    ExtractableResponse<Response> r = Gateway.as("coordinator1").body(body)
                            .post("/api/proposals/intakes").then().extract();
                    return r.statusCode() == 201 ? Optional.of(UUID.fromString(r.path("id"))) : Optional.empty();
                });
        // A person who came alone, with consent: kept, read by the desk only, never in an event.
        Map<String, Object> person = new LinkedHashMap<>(body);
        person.remove("visitorOrganizationId");
        person.put("visitor", Map.of("name", visitorName, "phone", "090-1234-5678"));
        person.put("consentToKeepContact", true);
        person.put("channel", "PHONE");
        String personIntake = Gateway.as("coordinator1").body(person).post("/api/proposals/intakes").then()
                .statusCode(201).extract().path("id");
        Gateway.as("staff1").get("/api/proposals/intakes/" + personIntake).then().statusCode(200)
                .body("visitor.name", equalTo(visitorName));
        Gateway.as("partner1").get("/api/proposals/intakes/" + personIntake).then().statusCode(403);
        Gateway.as("admin1").get("/api/proposals/intakes/" + personIntake).then().statusCode(403);

        List<String> talents = Gateway.as("coordinator1").queryParam("field", "CHILD_REARING").queryParam("skill", "保育")
                .queryParam("area", "中区").get("/api/directory/matches").then().statusCode(200)
                .body(not(containsString(talentEmail))).extract().jsonPath().getList("talents.talentEntryId");
        assertTrue(talents.contains(talent), "the talent fits the consultation's needs: " + talents);
        Gateway.as("partner1").get("/api/directory/matches").then().statusCode(403);

        String introduction = Gateway.as("coordinator1").body(Map.of("talentEntryId", talent, "intakeId",
                intake.toString(), "recipientOrganizationId", npo.toString(), "fields", List.of("CHILD_REARING"),
                "message", "子育てサロンの立ち上げに保育士として助言をお願いできますか")).post("/api/directory/introductions")
                .then().statusCode(201).body("state", equalTo("REQUESTED")).extract().path("id");
        String path = "/api/directory/introductions/" + introduction;
        Gateway.as("partner1").get(path).then().statusCode(404);
        Gateway.as("coordinator1").get(path).then().statusCode(200).body(not(containsString(talentEmail)));
        String etag = Gateway.as("citizen1").get(path).then().statusCode(200).extract().header("ETag");
        Gateway.as("citizen1").get("/api/directory/me/introductions").then().statusCode(200)
                .body("items.id", hasItem(introduction));
        Gateway.as("partner1").header("If-Match", etag).body(Map.of("accept", true)).post(path + "/answer").then()
                .statusCode(404);
        Gateway.as("citizen1").body(Map.of("accept", true)).post(path + "/answer").then().statusCode(428);
        Gateway.as("citizen1").header("If-Match", etag).body(Map.of("accept", true, "note", "喜んで"))
                .post(path + "/answer").then().statusCode(200).body("state", equalTo("ACCEPTED"));
        Gateway.as("partner1").get(path).then().statusCode(200).body("contact.email", equalTo(talentEmail));

        for (String type : List.of("jp.kyodo.introduction.requested.v1", "jp.kyodo.introduction.accepted.v1")) {
            ConsumerRecord<String, String> event = KafkaEvents.awaitEvent(Kyodo.DIRECTORY_TOPIC, type,
                    r -> r.key().equals(introduction), Duration.ofSeconds(30));
            assertFalse(event.value().contains(talentEmail) || event.value().contains(talent)
                    || event.value().contains(DemoUsers.CITIZEN1), "introduction events name no talent: " + event.value());
        }
        ConsumerRecord<String, String> recorded = KafkaEvents.awaitEvent(Kyodo.PROPOSALS_TOPIC,
                "jp.kyodo.intake.recorded.v1", r -> r.key().equals(personIntake), Duration.ofSeconds(30));
        assertFalse(recorded.value().contains(visitorName) || recorded.value().contains("090-1234-5678"),
                "intake events carry no personal data: " + recorded.value());
    }

    @Test
    @Order(3)
    void aDraftIsSharedDiscussedAndSubmittedAndTheConsultationClosedWithIt() {
        Map<String, Object> body = Kyodo.proposal(npo, null, department, "子育てサロンの協働運営 " + tag, fiscalYear, 300_000);
        proposal = Kyodo.createProposalOnceKnown("partner1", body);
        String base = "/api/proposals/" + proposal;
        Gateway.as("staff1").get(base).then().statusCode(403);
        String etag = Gateway.as("partner1").get(base).then().statusCode(200).extract().header("ETag");
        Gateway.as("partner1").header("If-Match", etag).body(Map.of("actingFor", npo.toString(),
                "coordinatorOrganizationId", hub.toString(), "intakeId", intake.toString()))
                .post(base + "/pre-submission").then().statusCode(200);
        Gateway.as("staff1").get(base).then().statusCode(200);
        String thread = base + "/pre-submission/comments";
        Gateway.as("staff1").body(Map.of("actingFor", department.toString(), "body", "会場の確保は市で支援できます"))
                .post(thread).then().statusCode(201).body("side", equalTo("DEPARTMENT"));
        String note = "保育士の紹介済み。団体の運営経験は浅い（市側メモ）" + tag;
        Gateway.as("coordinator1").body(Map.of("actingFor", hub.toString(), "body", note, "cityOnly", true))
                .post(thread).then().statusCode(201).body("side", equalTo("COORDINATOR"));
        Gateway.as("partner1").body(Map.of("actingFor", npo.toString(), "body", "会場の件、ありがとうございます"))
                .post(thread).then().statusCode(201);
        Gateway.as("partner1").get(thread).then().statusCode(200).body("items.side", contains("DEPARTMENT", "PROPOSER"))
                .body(not(containsString(note)));
        Gateway.as("staff1").get(thread).then().statusCode(200)
                .body("items.side", contains("DEPARTMENT", "COORDINATOR", "PROPOSER"));
        Gateway.as("partner2").get(thread).then().statusCode(403);

        body.put("approach", "市の会場で月2回、保育士の助言を受けてサロンを開く");
        etag = Gateway.as("partner1").get(base).then().extract().header("ETag");
        Gateway.as("partner1").header("If-Match", etag).body(body).put(base).then().statusCode(200);
        Gateway.as("coordinator1").get(base + "/pre-submission/drafts").then().statusCode(200)
                .body("number", contains(1, 2));
        Kyodo.submitOnceVerified("partner1", proposal, npo);
        proposalsSubmitted++;
        Gateway.as("partner1").get(thread).then().statusCode(200).body("items.size()", equalTo(2));

        etag = Gateway.as("coordinator1").get("/api/proposals/intakes/" + intake).then().statusCode(200).extract()
                .header("ETag");
        Gateway.as("coordinator1").header("If-Match", etag).body(Map.of("actingFor", hub.toString(), "outcome",
                "PROPOSAL_DRAFTED", "proposalId", proposal.toString())).post("/api/proposals/intakes/" + intake + "/closure")
                .then().statusCode(200).body("outcome", equalTo("PROPOSAL_DRAFTED"));
    }

    // ------------------------------------------------------------------------------------------ public comment

    @Test
    @Order(4)
    void aPublicCommentPeriodTakesCommentsWithAndWithoutAnAccountAndPublishesTheResponses() throws Exception {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("actingFor", department.toString());
        period.put("subjectKind", "GUIDELINE");
        period.put("title", "協働推進の基本指針（改定案） " + tag);
        period.put("body", "相談窓口と協働事業提案制度の見直しを盛り込んだ改定案です。");
        period.put("anonymousAllowed", true);
        period.put("opensOn", today.toString());
        period.put("closesOn", today.plusDays(20).toString());
        Gateway.as("staff1").body(period).post("/api/proposals/public-comments").then().statusCode(400)
                .body("errors.field", hasItem("shortPeriodReason"));
        period.put("closesOn", today.plusDays(29).toString());
        String id = Gateway.as("staff1").body(period).post("/api/proposals/public-comments").then().statusCode(201)
                .body("days", equalTo(30)).extract().path("id");
        periodsOpened++;
        Map<String, Object> closed = new LinkedHashMap<>(period);
        closed.put("anonymousAllowed", false);
        closed.put("title", "アカウントが必要な意見公募 " + tag);
        String signedInOnly = Gateway.as("staff1").body(closed).post("/api/proposals/public-comments").then()
                .statusCode(201).extract().path("id");
        periodsOpened++;
        String base = "/api/proposals/public-comments/" + id;

        String anonymousName = "匿名ではない 一郎" + tag;
        Map<String, Object> comment = Map.of("name", anonymousName, "address", "横浜市中区本町1-1", "relation",
                "LIVES_IN_CITY", "body", "評価の結果をもっと分かりやすく公表してほしい");
        Gateway.anonymous().body(comment).post(base + "/comments").then().statusCode(201).body("receiptNumber", equalTo(1));
        Gateway.anonymous().body(comment).post("/api/proposals/public-comments/" + signedInOnly + "/comments").then()
                .statusCode(401);
        Gateway.anonymous().body(Map.of("actingFor", npo.toString())).post("/api/proposals").then().statusCode(401);
        Gateway.as("citizen1").body(Map.of("name", "市民 二郎" + tag, "address", "横浜市西区1-2", "relation", "WORKS_IN_CITY",
                "workplaceOrSchool", "みなと商事", "body", "相談窓口の受付時間を延ばしてほしい")).post(base + "/comments").then()
                .statusCode(201).body("receiptNumber", equalTo(2));
        commentsSent += 2;
        Gateway.as("staff1").get(base + "/comments").then().statusCode(200)
                .body("items.name", contains(anonymousName, "市民 二郎" + tag));
        Gateway.as("partner1").get(base + "/comments").then().statusCode(403);
        Gateway.anonymous().get(base).then().statusCode(200).body("commentCount", equalTo(2))
                .body(not(containsString(anonymousName)));

        // The thirty days go by: the period is moved into the past in its database, as the calendar would.
        try (Connection c = Faults.database("proposal-service");
                PreparedStatement move = c.prepareStatement(
                        "update comment_period set opens_on = opens_on - 31, closes_on = closes_on - 31 where id = ?")) {
            move.setObject(1, UUID.fromString(id));
            assertEquals(1, move.executeUpdate());
        }
        Gateway.anonymous().body(comment).post(base + "/comments").then().statusCode(409);
        String etag = Gateway.as("staff1").get(base).then().extract().header("ETag");
        Map<String, Object> result = Map.of("actingFor", department.toString(), "groups", List.of(
                Map.of("topic", "評価", "opinionSummary", "評価結果を分かりやすく公表してほしいとの意見",
                        "receiptNumbers", List.of(1), "cityView", "評価結果の概要版を作成し公表します", "response", "AMENDED",
                        "change", "第5章に概要版の公表を追記"),
                Map.of("topic", "相談窓口", "opinionSummary", "相談窓口の受付時間の延長を求める意見",
                        "receiptNumbers", List.of(2), "cityView", "利用状況を踏まえ検討します", "response",
                        "FOR_FUTURE_REFERENCE")));
        Gateway.as("signer1").header("If-Match", etag).body(Map.of("actingFor", department.toString(), "groups",
                List.of())).put(base + "/result").then().statusCode(200);
        etag = Gateway.as("staff1").get(base).then().extract().header("ETag");
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post(base + "/result/publication").then().statusCode(409);
        etag = Gateway.as("staff1").header("If-Match", etag).body(result).put(base + "/result").then().statusCode(200)
                .extract().header("ETag");
        Gateway.anonymous().get(base + "/result").then().statusCode(401);
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString()))
                .post(base + "/result/publication").then().statusCode(200).body("status", equalTo("RESULT_PUBLISHED"));
        Gateway.anonymous().get(base + "/result").then().statusCode(200)
                .body("groups.cityView", contains("評価結果の概要版を作成し公表します", "利用状況を踏まえ検討します"))
                .body(not(containsString(anonymousName))).body(not(containsString("横浜市中区本町1-1")))
                .body(not(containsString("評価の結果をもっと分かりやすく公表してほしい")));
        String csv = Gateway.anonymous().header("Accept", "text/csv")
                .get("/api/proposals/open-data/public-comment-results").then().statusCode(200)
                .header("X-License", "CC-BY-4.0").extract().asString();
        assertTrue(csv.contains("評価結果の概要版を作成し公表します") && !csv.contains(anonymousName), csv);
    }

    // ------------------------------------------------------------------------------------------ committee

    @Test
    @Order(5)
    void aCommitteeScreeningWithADeclaredConflictIsRefusedBelowQuorumAndDecidedAtAQuorateMeeting() {
        String expert = "expert-" + UUID.randomUUID();
        List<Map<String, Object>> members = List.of(member(DemoUsers.REVIEWER1, "CHAIR"),
                member(DemoUsers.REVIEWER2, "MEMBER"), member(expert, "MEMBER"));
        String committee = Gateway.as("staff1").body(Map.of("actingFor", department.toString(), "name",
                "協働事業提案審査委員会 " + tag, "kind", "SCREENING", "members", members))
                .post("/api/proposals/committees").then().statusCode(201).body("quorumToday", equalTo(2))
                .extract().path("id");
        String base = "/api/proposals/committees/" + committee;

        UUID screened = Kyodo.createProposalOnceKnown("partner1", Kyodo.proposal(npo, null, department,
                "地域の見守り拠点 " + tag, fiscalYear, 200_000));
        Kyodo.submitOnceVerified("partner1", screened, npo);
        proposalsSubmitted++;
        String p = "/api/proposals/" + screened;
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", p)).body(Map.of("actingFor",
                department.toString())).post(p + "/consultation").then().statusCode(200);
        Gateway.as("staff1").header("If-Match", Kyodo.etag("staff1", p)).body(Map.of("actingFor",
                department.toString(), "committeeId", committee))
                .post(p + "/screening").then().statusCode(200).body("committeeId", equalTo(committee));

        Gateway.as("reviewer2").body(Map.of("proposalId", screened.toString(), "reason", "提案団体の活動に参加している"))
                .post(base + "/conflict-declarations").then().statusCode(201);
        Gateway.as("reviewer2").body(MatrixFixture.scores("利害関係")).post(p + "/scores").then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:conflict-of-interest"));
        Gateway.as("reviewer1").body(MatrixFixture.scores("地域性が高い")).post(p + "/scores").then().statusCode(201);

        String first = meeting(base, "第1回審査委員会", screened);
        held(base, first, List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2));
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("actingFor", department.toString(), "outcome",
                "ADOPTED", "rationale", "地域の見守りの担い手を増やす提案として評価した"));
        decision.put("meetingId", first);
        Gateway.as("staff1").header("If-Match", "*").body(decision).post(p + "/decision").then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:quorum-not-met")).body("quorum", equalTo(2))
                .body("countedMembers", equalTo(1));

        String second = meeting(base, "第2回審査委員会", screened);
        held(base, second, List.of(DemoUsers.REVIEWER1, DemoUsers.REVIEWER2, expert));
        String etag = Gateway.as("staff1").get(base + "/meetings/" + second).then().extract().header("ETag");
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString(), "minutes",
                "出席3名（うち1名は利害関係により審議に加わらず）。採択と決定。")).put(base + "/meetings/" + second + "/minutes")
                .then().statusCode(200).body("minutes", containsString("採択"));
        decision.put("meetingId", second);
        Gateway.as("staff1").header("If-Match", "*").body(decision).post(p + "/decision").then().statusCode(200).body("status", equalTo("ADOPTED"));
        proposalsAdopted++;
        Gateway.anonymous().get(p + "/screening-result").then().statusCode(200).body("reviewerCount", equalTo(1));
        for (String type : List.of("jp.kyodo.committee.established.v1", "jp.kyodo.committee.meeting-held.v1",
                "jp.kyodo.committee.conflict-declared.v1")) {
            ConsumerRecord<String, String> event = KafkaEvents.awaitEvent(Kyodo.PROPOSALS_TOPIC, type,
                    r -> r.value().contains(committee), Duration.ofSeconds(30));
            assertFalse(event.value().contains(DemoUsers.REVIEWER2) || event.value().contains(expert),
                    "committee events name no member: " + event.value());
        }
    }

    // ------------------------------------------------------------------------------------------ report

    @Test
    @Order(6)
    void theProgrammeReportCountsWhatThisTestCreated() {
        Eventually.until("the programme report shows this test's proposals, consultation and comments",
                Eventually.CROSS_SERVICE, () -> {
                    JsonPath now = report();
                    return delta(now, "proposals.adopted") == proposalsAdopted
                            && delta(now, "proposals.received") == proposalsSubmitted
                            && delta(now, "publicComments.commentsReceived") == commentsSent
                            && delta(now, "publicComments.resultsPublished") == 1;
                });
        JsonPath after = report();
        assertEquals(2, delta(after, "consultations.received"), "two consultations recorded");
        assertEquals(1, delta(after, "consultations.closed"), "one consultation closed");
        assertEquals(proposalsSubmitted, delta(after, "proposals.received"));
        assertEquals(proposalsAdopted, delta(after, "proposals.adopted"));
        assertEquals(proposalsSubmitted, deltaOf(after, "proposals.byOrigin.find { it.key == 'CITIZEN_INITIATED' }.received"));
        assertEquals(proposalsSubmitted, deltaOf(after, "proposals.byActorType.find { it.key == 'CIVIC_GROUP' }.received"));
        assertEquals(proposalsAdopted, deltaOf(after, "proposals.byField.find { it.key == 'ENVIRONMENT' }.adopted"));
        assertEquals(proposalsAdopted, delta(after, "durations.submissionToDecision.cases"));
        assertEquals(periodsOpened, delta(after, "publicComments.periods"));
        assertEquals(commentsSent, delta(after, "publicComments.commentsReceived"));

        String html = Gateway.anonymous().header("Accept", "text/html").queryParam("fiscalYear", fiscalYear)
                .get("/api/evaluations/programme-report").then().statusCode(200)
                .header("Content-Security-Policy", containsString("style-src 'unsafe-inline'"))
                .header("Content-Security-Policy", not(containsString("script-src")))
                .extract().asString();
        assertTrue(html.contains("<svg") && html.contains("協働推進の年次報告"), "the HTML report with its charts");
        assertFalse(html.contains(visitorName) || html.contains(talentEmail), "the report names nobody");
        String csv = Gateway.anonymous().queryParam("format", "csv").queryParam("fiscalYear", fiscalYear)
                .get("/api/evaluations/programme-report").then().statusCode(200).header("X-License", "CC-BY-4.0")
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFFfiscalYear,section,dimension,key,measure,value,hidden"), "CSV with BOM");
    }

    private JsonPath report() {
        return Gateway.anonymous().queryParam("fiscalYear", fiscalYear).get("/api/evaluations/programme-report").then()
                .statusCode(200).extract().jsonPath();
    }

    private long delta(JsonPath now, String figure) {
        return deltaOf(now, figure);
    }

    /** The change of a figure of the report's own year (the last of its years) since the report read first. */
    private long deltaOf(JsonPath now, String figure) {
        return number(now, "years[2]." + figure) - number(reportBefore, "years[2]." + figure);
    }

    private static long number(JsonPath report, String path) {
        Object value = report.get(path);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private Map<String, Object> member(String subject, String role) {
        return Map.of("subject", subject, "role", role, "category", "EXPERT", "termStart",
                today.minusDays(30).toString(), "termEnd", today.plusYears(2).toString());
    }

    private String meeting(String base, String title, UUID proposal) {
        return Gateway.as("staff1").body(Map.of("actingFor", department.toString(), "title", title + " " + tag,
                "scheduledAt", Instant.now().toString(), "agenda", List.of(Map.of("title", "提案の審査",
                        "proposalIds", List.of(proposal.toString()))))).post(base + "/meetings").then().statusCode(201)
                .extract().path("id");
    }

    private void held(String base, String meeting, List<String> present) {
        String etag = Gateway.as("staff1").get(base + "/meetings/" + meeting).then().statusCode(200).extract()
                .header("ETag");
        Gateway.as("staff1").header("If-Match", etag).body(Map.of("actingFor", department.toString(), "present",
                present)).put(base + "/meetings/" + meeting + "/attendance").then().statusCode(200);
    }
}
