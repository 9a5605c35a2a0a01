package jp.kyodo.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FiscalYear;

@QuarkusTest
class ProposalDraftAndSubmissionTest extends ProposalTestSupport {

    @Test
    void aMemberDraftsAProposalThatOnlyItsProposersSee() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));

        partner(PARTNER1).get("/api/proposals/" + id).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("origin", equalTo("CITIZEN_INITIATED")).body("referenceNumber", nullValue())
                .body("proposingOrganizationIds", hasItem(npo.toString())).body("cityShareYen", equalTo(100000))
                .body("nextStates", hasItem("SUBMITTED"));
        partner(PARTNER2).get("/api/proposals/" + id).then().statusCode(403);
        staff(STAFF1).get("/api/proposals/" + id).then().statusCode(403);
        anonymous().get("/api/proposals/" + id).then().statusCode(401);
    }

    @Test
    void aPartnerListsTheProposalsOfEachOfItsOrganisationsAndNoOthers() {
        UUID department = department(STAFF1);
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        UUID aliceNpo = verifiedNpo(alice);
        UUID aliceAssociation = verifiedNpo(alice);
        UUID bobNpo = verifiedNpo(bob);
        String forNpo = draft(alice, proposalBody(aliceNpo, department, null, 100000));
        String forAssociation = draft(alice, proposalBody(aliceAssociation, department, null, 100000));
        String bobs = draft(bob, proposalBody(bobNpo, department, null, 100000));

        partner(alice).get("/api/proposals").then().statusCode(200).body("items.id", contains(forNpo, forAssociation));
        partner(bob).get("/api/proposals").then().statusCode(200).body("items.id", contains(bobs));
    }

    @Test
    void aPartnersListPagesThroughItsOrganisationsProposalsOldestFirstWithAJointProposalOnce() {
        UUID department = department(STAFF1);
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        UUID aliceNpo = verifiedNpo(alice);
        UUID shared = verifiedNpo(alice, bob);
        UUID bobNpo = verifiedNpo(bob);
        String alone = draft(alice, proposalBody(aliceNpo, department, null, 100000));
        Map<String, Object> jointBody = proposalBody(shared, department, null, 100000);
        jointBody.put("proposingOrganizationIds", List.of(shared, aliceNpo));
        String joint = draft(alice, jointBody);
        String bobs = draft(bob, proposalBody(bobNpo, department, null, 100000));

        assertThat(pagesOf(alice)).containsExactly(List.of(alone), List.of(joint));
        assertThat(pagesOf(bob)).containsExactly(List.of(joint), List.of(bobs));

        // Once the shared organisation no longer proposes it, the joint proposal leaves its members' lists.
        Map<String, Object> narrowed = proposalBody(aliceNpo, department, null, 100000);
        narrowed.put("proposingOrganizationIds", List.of(aliceNpo));
        partner(alice).header("If-Match", "\"0\"").body(narrowed).put("/api/proposals/" + joint).then().statusCode(200);
        assertThat(pagesOf(bob)).containsExactly(List.of(bobs));
        assertThat(pagesOf(alice)).containsExactly(List.of(alone), List.of(joint));
    }

    /** The ids of every page of the caller's list, one proposal a page. */
    private List<List<String>> pagesOf(String subject) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = partner(subject).queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = mapper.valueToTree(request.get("/api/proposals").then().statusCode(200).extract()
                    .as(Map.class));
            List<String> ids = new ArrayList<>();
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
            pages.add(ids);
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return pages;
    }

    @Test
    void onlyAMemberOfTheOrganisationCanDraftForIt() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        partner(PARTNER2).body(proposalBody(npo, department, null, 1)).post("/api/proposals").then().statusCode(403);
        anonymous().body(proposalBody(npo, department, null, 1)).post("/api/proposals").then().statusCode(401);
    }

    @Test
    void draftsAreEditedWithTheCurrentETagByMembersOnly() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));
        Map<String, Object> edited = proposalBody(npo, department, null, 120000);
        edited.put("title", "市民公園の協働管理（改）");

        partner(PARTNER1).body(edited).put("/api/proposals/" + id).then().statusCode(428)
                .body("type", equalTo("urn:kyodo:problem:precondition-required"));
        partner(PARTNER1).header("If-Match", "\"7\"").body(edited).put("/api/proposals/" + id).then().statusCode(412);
        partner(PARTNER2).header("If-Match", "\"0\"").body(edited).put("/api/proposals/" + id).then().statusCode(403);
        partner(PARTNER1).header("If-Match", "\"0\"").body(edited).put("/api/proposals/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("市民公園の協働管理（改）"));
        partner(PARTNER1).header("If-Match", "\"0\"").body(edited).put("/api/proposals/" + id).then().statusCode(412);
    }

    @Test
    void badFieldsAreNamed() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        Map<String, Object> negative = proposalBody(npo, department, null, -1);
        partner(PARTNER1).body(negative).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("budgetLines[1].amountYen"));

        Map<String, Object> backwards = proposalBody(npo, department, null, 1);
        backwards.put("period", Map.of("start", "2027-10-01", "end", "2027-04-01"));
        partner(PARTNER1).body(backwards).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("period.end"));

        Map<String, Object> unknownForm = proposalBody(npo, department, null, 1);
        unknownForm.put("collaborationForm", "FRIENDSHIP");
        partner(PARTNER1).body(unknownForm).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("collaborationForm"));

        Map<String, Object> areaA = proposalBody(npo, department, null, 1);
        areaA.put("activityArea", "A");
        partner(PARTNER1).body(areaA).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("activityArea"));

        Map<String, Object> notADepartment = proposalBody(npo, npo, null, 1);
        partner(PARTNER1).body(notADepartment).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("departmentId"));

        Map<String, Object> budgetOutsidePeriod = proposalBody(npo, department, null, 1);
        budgetOutsidePeriod.put("budgetLines", List.of(Map.of("organizationId", npo, "fiscalYear", 2030, "item", "x",
                "amountYen", 1)));
        partner(PARTNER1).body(budgetOutsidePeriod).post("/api/proposals").then().statusCode(400)
                .body("errors.field", hasItem("budgetLines[0].fiscalYear"));
    }

    @Test
    void aVerifiedOrganisationSubmitsAndGetsAReferenceNumberAnEventAndAnAuditTrail() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));

        Response submitted = submit(PARTNER1, id, npo, true);
        submitted.then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("referenceNumber", matchesPattern("\\d{4}-\\d{4}"))
                .body("fiscalYearEraName", equalTo(FiscalYear.current().eraName()))
                .body("referenceNumberJa", matchesPattern("令和.+年度 第\\d{4}号")).body("revision", equalTo(1));
        String reference = submitted.path("referenceNumber");
        assertThat(reference).startsWith(FiscalYear.current().year() + "-");

        JsonNode event = eventPayload("jp.kyodo.proposal.submitted.v1", id);
        assertThat(event.get("referenceNumber").asText()).isEqualTo(reference);
        assertThat(event.get("proposingOrganizationIds").get(0).asText()).isEqualTo(npo.toString());
        assertThat(event.get("version").asLong()).isEqualTo(submitted.<Integer>path("version").longValue());

        staff(STAFF1).get("/api/proposals/" + id).then().statusCode(200);
        staff(STAFF1).get("/api/proposals/" + id + "/audit-trail").then().statusCode(200)
                .body("action", hasItems("drafted", "submitted")).body("[1].fromState", equalTo("DRAFT"))
                .body("[1].toState", equalTo("SUBMITTED")).body("[1].actor", equalTo(PARTNER1))
                .body("[1].actingFor", equalTo(npo.toString()));
        partner(PARTNER1).get("/api/proposals/" + id + "/audit-trail").then().statusCode(403);

        submit(PARTNER1, id, npo, true).then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:invalid-transition"))
                .body("allowedTransitions", hasItems("IN_CONSULTATION", "WITHDRAWN", "NOT_PURSUED"));
    }

    @Test
    void unverifiedOrSuspendedOrganisationsCannotSubmit() {
        UUID department = department(STAFF1);
        UUID unverified = organization(ActorType.CIVIC_GROUP, OrganizationStatus.UNVERIFIED,
                Map.of(PARTNER1, MemberRole.REPRESENTATIVE));
        String id = draft(PARTNER1, proposalBody(unverified, department, null, 1));
        submit(PARTNER1, id, unverified, true).then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:organization-not-eligible"));

        UUID npo = verifiedNpo(PARTNER1);
        String second = draft(PARTNER1, proposalBody(npo, department, null, 1));
        sendDirectoryEvent("organization.suspended", npo, 2, ActorType.CIVIC_GROUP, OrganizationStatus.SUSPENDED,
                Map.of(PARTNER1, MemberRole.REPRESENTATIVE), UUID.randomUUID().toString());
        submit(PARTNER1, second, npo, true).then().statusCode(403)
                .body("type", equalTo("urn:kyodo:problem:organization-not-eligible"));
        partner(PARTNER2).body(Map.of("actingFor", npo, "consentToCaseArchive", true))
                .post("/api/proposals/" + second + "/submission").then().statusCode(403);
    }

    @Test
    void anIncompleteDraftCannotBeSubmitted() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, Map.of("actingFor", npo, "title", "アイデアだけ", "departmentId", department));
        submit(PARTNER1, id, npo, true).then().statusCode(400)
                .body("errors.field", hasItems("localIssue", "goals", "period.start", "collaborationForm"));
        partner(PARTNER1).body(Map.of("actingFor", npo)).post("/api/proposals/" + id + "/submission").then()
                .statusCode(400).body("errors.field", hasItem("consentToCaseArchive"));
    }

    @Test
    void aThemeResponseIsSubmittedOnlyInsideTheWindowAndWithinTheCeiling() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String open = publishTheme(department, STAFF1, 200000, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS));
        partner(PARTNER1).body(proposalBody(npo, department, open, 200001)).post("/api/proposals").then()
                .statusCode(400).body("errors.field", hasItem("budgetLines"));
        String id = draft(PARTNER1, proposalBody(npo, department, open, 200000));
        submit(PARTNER1, id, npo, false).then().statusCode(200).body("origin", equalTo("CITY_INITIATED"))
                .body("fiscalYear", equalTo(2027)).body("referenceNumber", matchesPattern("2027-\\d{4}"))
                .body("departmentId", equalTo(department.toString()));

        String notYetOpen = publishTheme(department, STAFF1, 200000, Instant.now().plus(10, ChronoUnit.DAYS),
                Instant.now().plus(30, ChronoUnit.DAYS));
        String early = draft(PARTNER1, proposalBody(npo, department, notYetOpen, 1));
        submit(PARTNER1, early, npo, true).then().statusCode(400).body("errors.field", hasItem("themeId"));

        String closed = publishTheme(department, STAFF1, 200000, Instant.now().minus(30, ChronoUnit.DAYS),
                Instant.now().minus(1, ChronoUnit.DAYS));
        partner(PARTNER1).body(proposalBody(npo, department, closed, 1)).post("/api/proposals").then()
                .statusCode(400).body("errors.field", hasItem("themeId"));
    }

    @Test
    void referenceNumbersOfAFiscalYearHaveNoGapsUnderConcurrentSubmissions() throws Exception {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String theme = publishTheme(department, STAFF1, 1000000, Instant.now().minus(1, ChronoUnit.DAYS),
                Instant.now().plus(1, ChronoUnit.DAYS));
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(draft(PARTNER1, proposalBody(npo, department, theme, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> responses = new ArrayList<>();
        for (String id : drafts) {
            responses.add(pool.submit(() -> submit(PARTNER1, id, npo, true)));
        }
        TreeSet<Integer> numbers = new TreeSet<>();
        for (Future<Response> response : responses) {
            Response r = response.get();
            assertThat(r.statusCode()).isEqualTo(200);
            numbers.add(Integer.parseInt(r.<String>path("referenceNumber").substring(5)));
        }
        pool.shutdown();
        assertThat(numbers).hasSize(8);
        assertThat(numbers.last() - numbers.first()).as("consecutive numbers").isEqualTo(7);
        assertThat(count("select last_number from reference_number_counter where fiscal_year = 2027"))
                .isGreaterThanOrEqualTo(numbers.last());
    }
}
