package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * The first cross-service flow: an organisation registered through the gateway by city staff is published as a
 * CloudEvent on kyodo.directory.v1 and reaches proposal-service's directory read model, which is observed from
 * outside only: what proposal-service lets people do for the organisation.
 */
@ExtendWith(SystemUnderTest.class)
class DirectoryToProposalsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT = Duration.ofSeconds(30);

    @Test
    void anOrganisationRegisteredByStaffIsPublishedAndProposalServiceActsOnIt() throws IOException {
        String tag = Kyodo.tag();
        try (KafkaEvents directory = KafkaEvents.fromNow(Kyodo.DIRECTORY_TOPIC);
             KafkaEvents proposals = KafkaEvents.fromNow(Kyodo.PROPOSALS_TOPIC)) {

            // A department: staff1 registers it and is its first member, so once proposal-service has the event,
            // staff1 can publish a theme for it; until then proposal-service does not know the department.
            UUID department = Kyodo.registerDepartment("staff1", "市民協働推進課 " + tag);
            Map<String, Object> theme = Kyodo.theme(department, "公園の協働管理 " + tag, 2027, 3_000_000);
            long firstAttempt = System.currentTimeMillis();
            ExtractableResponse<Response> early = Gateway.as("staff1").body(theme).post("/api/proposals/themes")
                    .then().extract();
            ConsumerRecord<String, String> departmentRegistered = directory.await(
                    "jp.kyodo.organization.registered.v1", r -> department.toString().equals(r.key()), EVENT);
            if (firstAttempt < departmentRegistered.timestamp()) {
                // Sent before the event existed: proposal-service cannot have known the department.
                assertEquals(403, early.statusCode(), "before the event: " + early.asString());
            }
            System.out.printf("theme for the new department: first attempt %d ms %s the event, answered %d%n",
                    Math.abs(departmentRegistered.timestamp() - firstAttempt),
                    firstAttempt < departmentRegistered.timestamp() ? "before" : "after", early.statusCode());
            UUID themeId = early.statusCode() == 201 ? UUID.fromString(early.path("id"))
                    : Eventually.await("proposal-service knows department " + department, Eventually.CROSS_SERVICE, () -> {
                        ExtractableResponse<Response> r = Gateway.as("staff1").body(theme).post("/api/proposals/themes")
                                .then().extract();
                        return r.statusCode() == 201 ? Optional.of(UUID.fromString(r.path("id"))) : Optional.empty();
                    });
            assertNotNull(themeId);

            // An NPO registered by staff1: the event carries the snapshot other services keep, and no personal data.
            ExtractableResponse<Response> registration = Kyodo.register("staff1", Kyodo.organization("CIVIC_GROUP",
                    "NPO法人みどりの森 " + tag, "みどりのもり", Kyodo.randomCorporateNumber(), List.of("ENVIRONMENT")));
            UUID npo = UUID.fromString(registration.path("id"));
            ConsumerRecord<String, String> registered = directory.await("jp.kyodo.organization.registered.v1",
                    r -> npo.toString().equals(r.key()), EVENT);
            assertEquals(npo.toString(), KafkaEvents.header(registered, "ce_subject"));
            assertEquals("1.0", KafkaEvents.header(registered, "ce_specversion"));
            assertNotNull(KafkaEvents.header(registered, "ce_id"));
            assertNotNull(KafkaEvents.header(registered, "ce_source"));
            assertTrue(KafkaEvents.header(registered, "content-type").startsWith("application/json"));
            assertEquals(registration.header("X-Request-Id"), KafkaEvents.header(registered, "ce_requestid"),
                    "the event names the request that caused it");
            JsonNode payload = JSON.readTree(registered.value());
            assertEquals(npo.toString(), payload.path("organizationId").asText());
            assertEquals("CIVIC_GROUP", payload.path("type").asText());
            assertEquals("UNVERIFIED", payload.path("status").asText());
            assertEquals("NPO法人みどりの森 " + tag, payload.path("name").asText());
            for (String personal : List.of("contact", "address", "email", "phone", "postalCode", "representativeName")) {
                assertFalse(payload.has(personal), "the event must not carry " + personal + ": " + payload);
            }
            assertFalse(registered.value().contains("info@example.org"), "contact data in the event");

            // partner1 becomes its representative: proposal-service learns it from member.added.
            Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
            Map<String, Object> proposal = Kyodo.proposal(npo, themeId, department, "公園の花壇づくり " + tag, 2027,
                    1_000_000);
            long draftAttempt = System.currentTimeMillis();
            ExtractableResponse<Response> earlyDraft = Gateway.as("partner1").body(proposal).post("/api/proposals")
                    .then().extract();
            long draftAnswered = System.currentTimeMillis();
            ConsumerRecord<String, String> memberAdded = directory.await("jp.kyodo.member.added.v1",
                    r -> npo.toString().equals(r.key()), EVENT);
            JsonNode memberPayload = JSON.readTree(memberAdded.value());
            assertTrue(memberPayload.path("members").toString().contains(DemoUsers.PARTNER1), memberPayload.toString());
            // Only an answer that came back before the event was even published proves the order; a slow request
            // may reach proposal-service after the event did.
            if (draftAnswered < memberAdded.timestamp()) {
                assertEquals(403, earlyDraft.statusCode(), "before the events: " + earlyDraft.asString());
            }
            System.out.printf("draft for the new NPO: first attempt %d ms %s member.added, answered %d%n",
                    Math.abs(memberAdded.timestamp() - draftAttempt),
                    draftAttempt < memberAdded.timestamp() ? "before" : "after", earlyDraft.statusCode());
            UUID proposalId = earlyDraft.statusCode() == 201 ? UUID.fromString(earlyDraft.path("id"))
                    : Kyodo.createProposalOnceKnown("partner1", proposal);

            // Known but not verified yet: submission is refused (the read model holds the UNVERIFIED snapshot).
            Gateway.as("partner1").header("If-Match", Kyodo.etag("partner1", "/api/proposals/" + proposalId))
                    .body(Map.of("actingFor", npo.toString(), "consentToCaseArchive", true))
                    .post("/api/proposals/" + proposalId + "/submission").then()
                    .statusCode(403).body("type", equalTo("urn:kyodo:problem:organization-not-eligible"));

            // Staff verify it (organization.verified); then partner1 submits for it.
            Kyodo.verify("staff1", npo);
            ConsumerRecord<String, String> verified = directory.await("jp.kyodo.organization.verified.v1",
                    r -> npo.toString().equals(r.key()), EVENT);
            assertEquals("VERIFIED", JSON.readTree(verified.value()).path("status").asText());
            assertTrue(Long.parseLong(KafkaEvents.header(verified, "ce_aggregateversion"))
                    > Long.parseLong(KafkaEvents.header(registered, "ce_aggregateversion")));
            Kyodo.submitOnceVerified("partner1", proposalId, npo);

            Gateway.as("partner1").get("/api/proposals/" + proposalId).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED"))
                    .body("proposingOrganizationIds", equalTo(List.of(npo.toString())))
                    .body("referenceNumber", matchesPattern("2027-\\d{4}"));
            proposals.await("jp.kyodo.proposal.submitted.v1", r -> proposalId.toString().equals(r.key()), EVENT);

            // Another partner, not a member, cannot act for it.
            Map<String, Object> intruder = new java.util.LinkedHashMap<>(proposal);
            intruder.put("title", "なりすまし " + tag);
            Gateway.as("partner2").body(intruder).post("/api/proposals").then().statusCode(403);
            List<String> types = new ArrayList<>();
            directory.seen().stream().filter(r -> npo.toString().equals(r.key())).map(KafkaEvents::type)
                    .forEach(types::add);
            assertEquals(List.of("jp.kyodo.organization.registered.v1", "jp.kyodo.member.added.v1",
                    "jp.kyodo.organization.eligibility-checked.v1", "jp.kyodo.organization.verified.v1"), types.stream().distinct().filter(t -> !t.contains("updated"))
                    .toList(), "directory events of the NPO, in order");
        }
    }
}
