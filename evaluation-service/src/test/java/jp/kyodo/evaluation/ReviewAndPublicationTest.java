package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.evaluation.events.EvaluationEvents;
import jp.kyodo.platform.testing.KafkaRecords;

@QuarkusTest
class ReviewAndPublicationTest extends EvaluationTestSupport {

    @Inject
    SessionFactory sessionFactory;

    @Test
    void theSideBySideReviewFlagsItemsWhoseHighestAndLowestScoresDifferByTwoOrMore() {
        Reviewed r = reviewedRound("ENVIRONMENT");
        partner(PARTNER1).get("/api/evaluations/rounds/" + r.roundId() + "/review").then().statusCode(200)
                .body("status", equalTo("IN_REVIEW"))
                .body("parties", hasSize(2))
                .body("divergentItemCount", equalTo(1))
                .body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.divergent", equalTo(true))
                .body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.highest", equalTo(5))
                .body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.lowest", equalTo(3))
                .body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.labelJa", equalTo("相乗効果"))
                .body("collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.scores", hasSize(2))
                .body("collaboration.find { it.item == 'COLLABORATION_PROCESS' }.divergent", equalTo(false))
                .body("project.find { it.targetId == '" + r.c().indicators().get(0) + "' }.targetLabel",
                        equalTo("清掃活動の回数（回）"))
                .body("project", hasSize(7)).body("collaboration", hasSize(15))
                .body("overallScore", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aDifferenceOfOneIsNotADivergence() {
        Collaboration c = collaboration("ENVIRONMENT");
        String roundId = openInterim(c, activate(c));
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of(
                jp.kyodo.evaluation.domain.EvaluationItem.COLLABORATION_SPREAD, 4))).then().statusCode(201);
        submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(201);
        staff(STAFF1).get("/api/evaluations/rounds/" + roundId + "/review").then().statusCode(200)
                .body("divergentItemCount", equalTo(0));
    }

    @Test
    void thePartiesRecordFindingsAndCloseTheReviewWithTheRoundsETag() {
        Reviewed r = reviewedRound("ENVIRONMENT");
        String findings = "/api/evaluations/rounds/" + r.roundId() + "/findings";
        String closing = "/api/evaluations/rounds/" + r.roundId() + "/closing";

        partner(PARTNER2).body(Map.of("actingFor", r.c().partner(), "finding", "x")).post(findings).then().statusCode(403);
        partner(PARTNER1).body(Map.of("actingFor", r.c().partner(), "finding", "")).post(findings).then().statusCode(400)
                .body("errors.field", hasItem("finding"));
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post(closing).then().statusCode(409);

        partner(PARTNER1).body(Map.of("actingFor", r.c().partner(), "item", "COLLABORATION_SYNERGY",
                "finding", "相乗効果の捉え方が異なっていた", "improvement", "四半期ごとに成果を共有する"))
                .post(findings).then().statusCode(201).body("findingId", notNullValue());
        staff(STAFF1).get(findings).then().statusCode(200).body("", hasSize(1))
                .body("[0].improvement", equalTo("四半期ごとに成果を共有する"));

        staff(STAFF1).body(Map.of("actingFor", r.c().department())).post(closing).then().statusCode(428);
        staff(STAFF1).header("If-Match", "\"0\"").body(Map.of("actingFor", r.c().department())).post(closing).then()
                .statusCode(412);
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1)))
                .body(Map.of("actingFor", r.c().department(), "note", "合意済み")).post(closing).then().statusCode(200)
                .body("round.status", equalTo("CLOSED")).body("findings", hasSize(1));
        partner(PARTNER1).body(Map.of("actingFor", r.c().partner(), "finding", "追加")).post(findings).then()
                .statusCode(409);

        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode recorded = awaitEvent(records, EvaluationEvents.FINDING_RECORDED, r.roundId());
            assertThat(recorded.get("item").asText()).isEqualTo("COLLABORATION_SYNERGY");
            assertThat(recorded.get("recordedFor").asText()).isEqualTo(r.c().partner().toString());
            assertThat(recorded.get("findingCount").asInt()).isEqualTo(1);
            assertThat(recorded.toString()).as("the text is published with the round").doesNotContain("相乗効果の捉え方");
            JsonNode closed = awaitEvent(records, EvaluationEvents.ROUND_CLOSED, r.roundId());
            assertThat(closed.get("findingCount").asInt()).isEqualTo(1);
            assertThat(closed.get("version").asLong()).isEqualTo(recorded.get("version").asLong() + 1);
        }
        staff(STAFF1).get("/api/evaluations/rounds/" + r.roundId() + "/audit-trail").then().statusCode(200)
                .body("action", hasItems("finding-recorded", "closed"))
                .body("find { it.action == 'closed' }.reason", equalTo("合意済み"));
    }

    @Test
    void aReviewerWhoIsNoPartyAddsTheThirdPartyAssessmentToAClosedRoundOnce() {
        Reviewed r = reviewedRound("ENVIRONMENT");
        String path = "/api/evaluations/rounds/" + r.roundId() + "/third-party-assessment";
        Map<String, Object> body = Map.of("committee", "協働事業評価委員会", "opinion", "協働の成果が認められる",
                "collaborationOpinion", "対話の場が機能した", "recommendations", "他地区への展開を検討されたい");

        as(REVIEWER1, "reviewer").body(body).post(path).then().statusCode(409);
        closeRound(r);
        partner(PARTNER1).body(body).post(path).then().statusCode(403);
        // A reviewer who belongs to the partner organisation has a conflict of interest.
        UUID ownOrg = r.c().partner();
        organizationWith(ownOrg, REVIEWER2);
        as(REVIEWER2, "reviewer").body(body).post(path).then().statusCode(403);
        as(REVIEWER1, "reviewer").body(Map.of("committee", "委員会")).post(path).then().statusCode(400)
                .body("errors.field", hasItem("opinion"));

        as(REVIEWER1, "reviewer").body(body).post(path).then().statusCode(201).body("committee", equalTo("協働事業評価委員会"));
        as(REVIEWER1, "reviewer").body(body).post(path).then().statusCode(409);
        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode assessed = awaitEvent(records, EvaluationEvents.THIRD_PARTY_ASSESSED, r.roundId());
            assertThat(assessed.get("committee").asText()).isEqualTo("協働事業評価委員会");
            assertThat(assessed.toString()).doesNotContain("協働の成果が認められる", REVIEWER1);
        }
        partner(PARTNER1).get(path).then().statusCode(200).body("opinion", equalTo("協働の成果が認められる"));
        staff(STAFF1).get("/api/evaluations/rounds/" + r.roundId()).then().statusCode(200)
                .body("thirdPartyAssessment.recommendations", equalTo("他地区への展開を検討されたい"));
    }

    @Test
    void staffPublishAClosedRoundAndAnyoneReadsTheResult() {
        Reviewed r = reviewedRound("ENVIRONMENT");
        String publication = "/api/evaluations/rounds/" + r.roundId() + "/publication";
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post(publication).then().statusCode(409).body("type", equalTo("urn:kyodo:problem:invalid-transition"));
        closeRound(r);
        partner(PARTNER1).header("If-Match", etagOf(r.roundId(), partner(PARTNER1)))
                .body(Map.of("actingFor", r.c().partner())).post(publication).then().statusCode(403);
        staff(SIGNER1).header("If-Match", etagOf(r.roundId(), staff(SIGNER1)))
                .body(Map.of("actingFor", r.c().department())).post(publication).then().statusCode(403);
        publishRound(r);

        anonymous().get("/api/evaluations/published/" + r.roundId()).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("assessments", hasSize(2))
                .body("assessments.find { it.organizationId == '" + r.c().partner() + "' }.collaboration.find { it.item == 'COLLABORATION_SYNERGY' }.score",
                        equalTo(5))
                .body("assessments[0].project", hasSize(7))
                .body("divergences", hasSize(1))
                .body("divergences[0].item", equalTo("COLLABORATION_SYNERGY"))
                .body("findings[0].improvement", equalTo("月例の振り返りを設ける"))
                .body("publishedAt", notNullValue());
        anonymous().get("/api/evaluations/published").then().statusCode(200)
                .body("items.roundId", hasItem(r.roundId()));
        // The working views stay with the parties and staff; the public reads the published result.
        partner(PARTNER2).get("/api/evaluations/rounds/" + r.roundId() + "/self-assessments/" + r.c().department())
                .then().statusCode(403);

        try (KafkaRecords records = KafkaRecords.from(EVALUATIONS_TOPIC)) {
            JsonNode published = awaitEvent(records, EvaluationEvents.PUBLISHED, r.roundId());
            assertThat(published.get("assessments")).hasSize(2);
            assertThat(published.get("divergences").get(0).get("item").asText()).isEqualTo("COLLABORATION_SYNERGY");
            assertThat(published.get("findings")).hasSize(1);
            assertThat(published.get("assessments").get(0).get("collaboration")).hasSize(15);
        }
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post(publication).then().statusCode(409);
        staff(STAFF1).get("/api/evaluations/rounds/" + r.roundId() + "/audit-trail").then().statusCode(200)
                .body("find { it.action == 'published' }.toState", equalTo("PUBLISHED"));
    }

    @Test
    void theListOfPublishedResultsShowsEachRoundExactlyAsItsOwnPageNewestFirst() throws Exception {
        Reviewed first = reviewedRound("ENVIRONMENT");
        closeRound(first);
        publishRound(first);
        Reviewed second = reviewedRound("WELFARE");
        closeRound(second);
        as(REVIEWER1, "reviewer").body(Map.of("committee", "協働事業評価委員会", "opinion", "協働の成果が認められる"))
                .post("/api/evaluations/rounds/" + second.roundId() + "/third-party-assessment").then().statusCode(201);
        publishRound(second);

        JsonNode newest = mapper.readTree(anonymous().queryParam("limit", 1).get("/api/evaluations/published").then()
                .statusCode(200).extract().asString());
        JsonNode next = mapper.readTree(anonymous().queryParam("limit", 1)
                .queryParam("cursor", newest.get("nextCursor").asText()).get("/api/evaluations/published").then()
                .statusCode(200).extract().asString());

        assertThat(newest.get("items").get(0)).isEqualTo(publishedResult(second));
        assertThat(next.get("items").get(0)).isEqualTo(publishedResult(first));
        assertThat(newest.get("items").get(0).get("thirdPartyAssessment").get("committee").asText())
                .isEqualTo("協働事業評価委員会");
        assertThat(next.get("items").get(0).get("findings")).hasSize(1);
        assertThat(next.get("items").get(0).get("assessments").get(0).get("collaboration")).hasSize(15);
    }

    @Test
    void aPageOfPublishedResultsTakesAsManyStatementsForThreeRoundsAsForOne() {
        for (int i = 0; i < 3; i++) {
            Reviewed r = reviewedRound("ENVIRONMENT");
            closeRound(r);
            publishRound(r);
        }
        Statistics statistics = sessionFactory.getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            assertThat(statementsToList(statistics, 3)).isEqualTo(statementsToList(statistics, 1));
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private static long statementsToList(Statistics statistics, int limit) {
        statistics.clear();
        anonymous().queryParam("limit", limit).get("/api/evaluations/published").then().statusCode(200)
                .body("items", hasSize(limit));
        return statistics.getPrepareStatementCount();
    }

    private JsonNode publishedResult(Reviewed r) throws Exception {
        return mapper.readTree(anonymous().get("/api/evaluations/published/" + r.roundId()).then().statusCode(200)
                .extract().asString());
    }

    /** Re-registers the organisation with an extra member (a newer directory version). */
    private void organizationWith(UUID organizationId, String extraMember) {
        var snapshot = new jp.kyodo.directory.readmodel.OrganizationSnapshot(organizationId, 2, "NPO法人みどりの会", "ミドリノカイ",
                ActorType.CIVIC_GROUP, jp.kyodo.directory.readmodel.OrganizationStatus.VERIFIED, null, java.util.List.of(),
                java.util.List.of(new jp.kyodo.directory.readmodel.OrganizationSnapshot.Member(PARTNER1, MemberRole.REPRESENTATIVE, null),
                        new jp.kyodo.directory.readmodel.OrganizationSnapshot.Member(extraMember, MemberRole.MEMBER, null)),
                null, new jp.kyodo.directory.readmodel.OrganizationSnapshot.MemberChange(extraMember, MemberRole.MEMBER, true));
        send(jp.kyodo.directory.readmodel.OrganizationSnapshot.TOPIC, "jp.kyodo.member.added.v1", organizationId, 2,
                snapshot, UUID.randomUUID().toString(), "/kyodo/directory-service");
        awaitTrue("the new member is known", java.time.Duration.ofSeconds(30),
                () -> count("select count(*) from directory_membership where organization_id = ? and subject = ?",
                        organizationId, extraMember) == 1);
    }
}
