package jp.kyodo.proposal;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.testing.Database;

/** The consultation desk, a draft shared before submission, and a public comment period from opening to result. */
@QuarkusTest
class DeskAndPublicCommentTest extends ProposalTestSupport {

    @Test
    void theDeskRecordsAPersonOnlyWithConsentLogsReadsAndKeepsOthersOut() {
        UUID department = department(STAFF1);
        UUID centre = organization(ActorType.INTERMEDIARY, OrganizationStatus.VERIFIED,
                Map.of(COORDINATOR1, MemberRole.STAFF));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", centre);
        body.put("channel", "COUNTER");
        body.put("visitor", Map.of("name", "相談 花子", "email", "hanako@example.org"));
        body.put("topic", "子育てサロンを始めたい");
        body.put("field", "CHILD_REARING");
        body.put("needs", Map.of("skills", List.of("保育"), "area", "中区"));
        body.put("assignedCoordinator", COORDINATOR1);
        as(COORDINATOR1, "coordinator").body(body).post("/api/proposals/intakes").then().statusCode(400)
                .body("errors.field", hasItem("consentToKeepContact"));
        body.put("consentToKeepContact", true);
        partner(PARTNER1).body(body).post("/api/proposals/intakes").then().statusCode(403);
        staff(STAFF1).body(body).post("/api/proposals/intakes").then().statusCode(403);
        String intake = as(COORDINATOR1, "coordinator").body(body).post("/api/proposals/intakes").then()
                .statusCode(201).body("visitorKind", equalTo("PERSON")).extract().path("id");

        staff(STAFF1).get("/api/proposals/intakes").then().statusCode(200)
                .body("items.find { it.id == '" + intake + "' }.visitor", nullValue());
        staff(STAFF1).get("/api/proposals/intakes/" + intake).then().statusCode(200)
                .body("visitor.name", equalTo("相談 花子"));
        assertThat(count("select count(*) from intake_access_log where intake_id = ?", UUID.fromString(intake)))
                .isEqualTo(1);
        as(ADMIN1, "admin").get("/api/proposals/intakes/" + intake).then().statusCode(403);
        reviewer(REVIEWER1).get("/api/proposals/intakes/" + intake).then().statusCode(403);
        anonymous().get("/api/proposals/intakes/" + intake).then().statusCode(401);

        staff(STAFF1).body(Map.of("actingFor", department, "note", "所管課で引き継ぎます", "referredDepartmentId",
                department)).post("/api/proposals/intakes/" + intake + "/follow-ups").then().statusCode(201);
        String etag = staff(STAFF1).get("/api/proposals/intakes/" + intake).then().extract().header("ETag");
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", department, "outcome", "REFERRED"))
                .post("/api/proposals/intakes/" + intake + "/closure").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("referredDepartmentId", equalTo(department.toString()));
        var event = eventPayload("jp.kyodo.intake.closed.v1", intake);
        assertThat(event.toString()).doesNotContain("花子").doesNotContain("hanako").doesNotContain("子育てサロン");
    }

    @Test
    void aSharedDraftIsReadAndDiscussedByTheDepartmentAndTheCoordinatorWithCitySideNotesKeptFromTheProposers() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        UUID centre = organization(ActorType.INTERMEDIARY, OrganizationStatus.VERIFIED,
                Map.of(COORDINATOR1, MemberRole.STAFF));
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));
        staff(STAFF1).get("/api/proposals/" + id).then().statusCode(403);
        String etag = partner(PARTNER1).get("/api/proposals/" + id).then().extract().header("ETag");
        partner(PARTNER1).header("If-Match", etag).body(Map.of("actingFor", npo, "coordinatorOrganizationId", centre))
                .post("/api/proposals/" + id + "/pre-submission").then().statusCode(200);
        staff(STAFF1).get("/api/proposals/" + id).then().statusCode(200);
        as(COORDINATOR1, "coordinator").get("/api/proposals/" + id).then().statusCode(200);
        staff(SIGNER1).get("/api/proposals/" + id).then().statusCode(403);

        String thread = "/api/proposals/" + id + "/pre-submission/comments";
        staff(STAFF1).body(Map.of("actingFor", department, "body", "予算の根拠を補ってください")).post(thread).then()
                .statusCode(201).body("side", equalTo("DEPARTMENT")).body("draft", equalTo(1));
        as(COORDINATOR1, "coordinator").body(Map.of("actingFor", centre, "body", "経験の浅い団体、伴走が必要",
                "cityOnly", true)).post(thread).then().statusCode(201);
        partner(PARTNER1).body(Map.of("actingFor", npo, "body", "追記します", "cityOnly", true)).post(thread).then()
                .statusCode(400);
        partner(PARTNER1).body(Map.of("actingFor", npo, "body", "追記します")).post(thread).then().statusCode(201);
        partner(PARTNER1).get(thread).then().statusCode(200).body("items.side", contains("DEPARTMENT", "PROPOSER"));
        staff(STAFF1).get(thread).then().statusCode(200)
                .body("items.side", contains("DEPARTMENT", "COORDINATOR", "PROPOSER"));
        partner(PARTNER2).get(thread).then().statusCode(403);

        String current = partner(PARTNER1).get("/api/proposals/" + id).then().extract().header("ETag");
        Map<String, Object> edited = proposalBody(npo, department, null, 90000);
        partner(PARTNER1).header("If-Match", current).body(edited).put("/api/proposals/" + id).then().statusCode(200);
        partner(PARTNER1).get("/api/proposals/" + id + "/pre-submission/drafts").then().statusCode(200)
                .body("number", contains(1, 2));
    }

    @Test
    void aPublicCommentPeriodTakesCommentsAndPublishesTheGroupedOpinionsWithTheCitysView() {
        UUID department = department(STAFF1);
        LocalDate today = LocalDate.now(FiscalYear.CITY_ZONE);
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("actingFor", department);
        period.put("subjectKind", "GUIDELINE");
        period.put("title", "協働推進の基本指針（改定案）");
        period.put("body", "改定案の本文");
        period.put("anonymousAllowed", true);
        period.put("opensOn", today.toString());
        period.put("closesOn", today.plusDays(9).toString());
        staff(STAFF1).body(period).post("/api/proposals/public-comments").then().statusCode(400)
                .body("errors.field", hasItem("shortPeriodReason"));
        period.put("shortPeriodReason", "法改正の施行日に間に合わせるため");
        String id = staff(STAFF1).body(period).post("/api/proposals/public-comments").then().statusCode(201)
                .body("days", equalTo(10)).extract().path("id");
        String base = "/api/proposals/public-comments/" + id;

        Map<String, Object> comment = new LinkedHashMap<>(Map.of("name", "市民 一郎", "address", "中区本町1-1",
                "relation", "OTHER", "body", "協働の評価を公表してほしい"));
        anonymous().body(comment).post(base + "/comments").then().statusCode(400).body("errors.field", hasItem("relation"));
        comment.put("relation", "LIVES_IN_CITY");
        anonymous().body(comment).post(base + "/comments").then().statusCode(201).body("receiptNumber", equalTo(1));
        as(CITIZEN1, "citizen").body(Map.of("name", "市民 二郎", "address", "西区1-2", "relation", "WORKS_IN_CITY",
                "workplaceOrSchool", "みなと商事", "body", "相談窓口を増やしてほしい")).post(base + "/comments").then()
                .statusCode(201).body("receiptNumber", equalTo(2));

        staff(STAFF1).get(base + "/comments").then().statusCode(200)
                .body("items.name", contains("市民 一郎", "市民 二郎"));
        staff(SIGNER1).get(base + "/comments").then().statusCode(403);
        anonymous().get(base).then().statusCode(200).body("commentCount", equalTo(2))
                .body(not(containsString("市民 一郎")));

        Map<String, Object> result = Map.of("actingFor", department, "groups", List.of(
                Map.of("opinionSummary", "評価結果の公表を求める意見", "receiptNumbers", List.of(1), "cityView",
                        "公表を指針に明記します", "response", "AMENDED", "change", "第5章に公表を追記"),
                Map.of("opinionSummary", "相談窓口の拡充を求める意見", "receiptNumbers", List.of(2), "cityView",
                        "今後の参考とします", "response", "FOR_FUTURE_REFERENCE")));
        String etag = staff(STAFF1).get(base).then().extract().header("ETag");
        staff(STAFF1).header("If-Match", etag).body(result).put(base + "/result").then().statusCode(409);
        // The period ends: its last day is moved into the past, as if the days had gone by.
        Database.execute(dataSource, "update comment_period set opens_on = opens_on - 20, closes_on = closes_on - 20 "
                + "where id = ?", UUID.fromString(id));
        anonymous().body(comment).post(base + "/comments").then().statusCode(409);
        etag = staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", department, "groups",
                List.of(((List<?>) result.get("groups")).get(0)))).put(base + "/result").then().statusCode(200)
                .extract().header("ETag");
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", department))
                .post(base + "/result/publication").then().statusCode(409);
        etag = staff(STAFF1).header("If-Match", etag).body(result).put(base + "/result").then().statusCode(200)
                .extract().header("ETag");
        anonymous().get(base + "/result").then().statusCode(401);
        staff(STAFF1).header("If-Match", etag).body(Map.of("actingFor", department))
                .post(base + "/result/publication").then().statusCode(200).body("status", equalTo("RESULT_PUBLISHED"));
        anonymous().get(base + "/result").then().statusCode(200).body("groups.cityView", hasItem("公表を指針に明記します"))
                .body(not(containsString("市民 一郎"))).body(not(containsString("協働の評価を公表してほしい")));
        anonymous().queryParam("format", "csv").get("/api/proposals/open-data/public-comment-results").then()
                .statusCode(200).body(containsString("今後の参考とします"));
    }
}
