package jp.kyodo.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.directory.events.DirectoryEvents;

@QuarkusTest
class VerificationTest extends DirectoryTestSupport {

    private static String statusChange(String to, String reason) {
        return "{\"to\":\"" + to + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void anOrganisationIsVerifiedOnlyWhenAllFourRequirementsAreMetWithEvidence() {
        String id = registerNpo(unique("要件の会"));
        String path = ORGANIZATIONS + "/" + id;

        asStaff().header("If-Match", etagOf(id)).body(statusChange("VERIFIED", "早すぎる確認")).when().post(path + "/status-changes")
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:eligibility-incomplete"))
                .body("unmetRequirements", hasSize(4));

        asStaff().header("If-Match", etagOf(id)).body("""
                {"checks":[{"requirement":"ARTICLES_OF_ASSOCIATION","satisfied":true,"evidence":"会則を確認"},
                           {"requirement":"PROPER_ACCOUNTS","satisfied":false,"evidence":"決算書が未提出"}]}
                """).when().put(path + "/eligibility").then().statusCode(200)
                .body("unmet", contains("OFFICE_IN_CITY", "PROPER_ACCOUNTS", "NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE"))
                .body("checks.find { it.requirement == 'ARTICLES_OF_ASSOCIATION' }.evidence", equalTo("会則を確認"))
                .body("checks.find { it.requirement == 'ARTICLES_OF_ASSOCIATION' }.checkedBy", equalTo(STAFF1));
        asStaff().header("If-Match", etagOf(id)).body(statusChange("VERIFIED", "まだ不足")).when().post(path + "/status-changes")
                .then().statusCode(409).body("unmetRequirements", hasItem("PROPER_ACCOUNTS"));

        // The checks are a change of the organisation: announced, without the evidence or who checked.
        long checkedVersion = Long.parseLong(etagOf(id).replace("\"", ""));
        JsonNode checked = payloadOf(awaitEvent(DirectoryEvents.ELIGIBILITY_CHECKED, id, checkedVersion));
        assertThat(checked.get("status").asText()).isEqualTo("UNVERIFIED");
        assertThat(checked.get("eligibility").findValuesAsText("requirement"))
                .containsExactly("ARTICLES_OF_ASSOCIATION", "PROPER_ACCOUNTS");
        assertThat(checked.get("eligibility").get(1).get("satisfied").asBoolean()).isFalse();
        assertThat(checked.toString()).doesNotContain("決算書が未提出", "checkedBy");

        asStaff().header("If-Match", etagOf(id)).body(ALL_REQUIREMENTS_MET).when().put(path + "/eligibility")
                .then().statusCode(200).body("unmet", hasSize(0));
        asStaff().header("If-Match", etagOf(id)).body(statusChange("VERIFIED", "要件をすべて確認")).when().post(path + "/status-changes")
                .then().statusCode(200).body("status", equalTo("VERIFIED"));
    }

    @Test
    void verifiedAndSuspendedAlternateEachWithAReasonInTheEventAndTheAuditTrail() {
        String id = registerNpo(unique("停止の会"));
        String path = ORGANIZATIONS + "/" + id;
        verify(id);
        long verifiedVersion = Long.parseLong(etagOf(id).replace("\"", ""));

        asStaff().header("If-Match", etagOf(id)).body(statusChange("SUSPENDED", "会計報告の不備")).when().post(path + "/status-changes")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        long suspendedVersion = Long.parseLong(etagOf(id).replace("\"", ""));
        asStaff().header("If-Match", etagOf(id)).body(statusChange("VERIFIED", "是正を確認")).when().post(path + "/status-changes")
                .then().statusCode(200).body("status", equalTo("VERIFIED"));

        JsonNode verified = payloadOf(awaitEvent(DirectoryEvents.VERIFIED, id, verifiedVersion));
        assertThat(verified.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(verified.get("reason").asText()).isEqualTo("要件をすべて確認");
        assertThat(verified.get("version").asLong()).isEqualTo(verifiedVersion);
        JsonNode suspended = payloadOf(awaitEvent(DirectoryEvents.SUSPENDED, id, suspendedVersion));
        assertThat(suspended.get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get("reason").asText()).isEqualTo("会計報告の不備");

        asStaff().when().get(path + "/audit-trail").then().statusCode(200)
                .body("findAll { it.toState != null }.action", contains("registered", "verified", "suspended", "reinstated"))
                .body("find { it.action == 'suspended' }.fromState", equalTo("VERIFIED"))
                .body("find { it.action == 'suspended' }.reason", equalTo("会計報告の不備"))
                .body("find { it.action == 'suspended' }.actor", equalTo(STAFF1))
                .body("findAll { it.action == 'eligibility-checked' }", hasSize(4));
    }

    @Test
    void transitionsOutsideTheStateMachineAre409NamingWhatIsAllowed() {
        String id = registerNpo(unique("遷移の会"));
        asStaff().header("If-Match", etagOf(id)).body(statusChange("SUSPENDED", "未確認を停止"))
                .when().post(ORGANIZATIONS + "/" + id + "/status-changes")
                .then().statusCode(409).body("type", equalTo("urn:kyodo:problem:invalid-transition"))
                .body("allowedTransitions", contains("VERIFIED"));
        asStaff().header("If-Match", etagOf(id)).body(statusChange("UNVERIFIED", "戻す"))
                .when().post(ORGANIZATIONS + "/" + id + "/status-changes").then().statusCode(409);
    }

    @Test
    void aReasonIsAlwaysRequiredAndIfMatchToo() {
        String id = registerNpo(unique("理由の会"));
        asStaff().header("If-Match", etagOf(id)).body("{\"to\":\"VERIFIED\",\"reason\":\" \"}")
                .when().post(ORGANIZATIONS + "/" + id + "/status-changes").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        asStaff().body(statusChange("VERIFIED", "x")).when().post(ORGANIZATIONS + "/" + id + "/status-changes")
                .then().statusCode(428);
        asStaff().header("If-Match", etagOf(id)).body("{\"checks\":[{\"requirement\":\"OFFICE_IN_CITY\",\"satisfied\":true}]}")
                .when().put(ORGANIZATIONS + "/" + id + "/eligibility").then().statusCode(400)
                .body("errors.field", hasItem("checks[0].evidence"));
    }

    @Test
    void onlyStaffAndAdminsDecideEligibilityNotTheOrganisationItself() {
        String id = register(asPartner1(), npoJson(unique("自己確認の会"), "ジコカクニン", null)).jsonPath().getString("id");
        asPartner1().header("If-Match", etagOf(id)).body(ALL_REQUIREMENTS_MET)
                .when().put(ORGANIZATIONS + "/" + id + "/eligibility").then().statusCode(403);
        asPartner1().header("If-Match", etagOf(id)).body(statusChange("VERIFIED", "自分で確認"))
                .when().post(ORGANIZATIONS + "/" + id + "/status-changes").then().statusCode(403);
        as(COORDINATOR1, "coordinator").when().get(ORGANIZATIONS + "/" + id + "/eligibility").then().statusCode(403);
        asAdmin().when().get(ORGANIZATIONS + "/" + id + "/eligibility").then().statusCode(200);
    }
}
