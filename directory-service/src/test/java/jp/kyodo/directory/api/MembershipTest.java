package jp.kyodo.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;
import jp.kyodo.directory.events.DirectoryEvents;

@QuarkusTest
class MembershipTest extends DirectoryTestSupport {

    private static String member(String subject, String role) {
        return "{\"subject\":\"" + subject + "\",\"role\":\"" + role + "\"}";
    }

    @Test
    void staffRegisterAndVerifyAnNpoAddPartner1AsRepresentativeWhoThenUpdatesItWhilePartner2Cannot() {
        String id = registerNpo(unique("みなと環境ネット"));
        String path = ORGANIZATIONS + "/" + id;
        verify(id);
        asStaff().body(member(PARTNER1, "REPRESENTATIVE")).when().post(path + "/members").then().statusCode(201)
                .body("role", equalTo("REPRESENTATIVE"));

        String profile = "{\"name\":\"みなと環境ネット\",\"nameKana\":\"ミナトカンキョウネット\",\"fields\":[\"ENVIRONMENT\"]}";
        asPartner2().header("If-Match", etagOf(id)).body(profile).when().put(path).then().statusCode(403);
        asPartner1().header("If-Match", etagOf(id)).body(profile).when().put(path).then().statusCode(200);
    }

    @Test
    void theRepresentativeManagesMembersAndOrdinaryMembersOnlyRead() {
        String id = register(asPartner1(), npoJson(unique("会員の会"), "カイインノカイ", null)).jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;

        asPartner1().body(member(PARTNER2, "MEMBER")).when().post(path + "/members").then().statusCode(201);
        asPartner2().when().get(path).then().statusCode(200);
        asPartner2().when().get(path + "/members").then().statusCode(200).body("subject", hasItem(PARTNER1));
        asPartner2().body(member(CITIZEN1, "MEMBER")).when().post(path + "/members").then().statusCode(403);
        asPartner2().header("If-Match", etagOf(id)).body("{\"name\":\"乗っ取り\",\"nameKana\":\"ノットリ\"}").when().put(path)
                .then().statusCode(403);
    }

    @Test
    void aPersonHasOneRoleAndAnOrganisationOneRepresentative() {
        String id = register(asPartner1(), npoJson(unique("重複の会"), "チョウフク", null)).jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;
        asPartner1().body(member(PARTNER1, "STAFF")).when().post(path + "/members").then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:already-member"));
        asPartner1().body(member(PARTNER2, "REPRESENTATIVE")).when().post(path + "/members").then().statusCode(409)
                .body("type", equalTo("urn:kyodo:problem:representative-exists"));
    }

    @Test
    void signatoriesAndAmountLimitsBelongToDepartments() {
        String npo = registerNpo(unique("署名の会"));
        asStaff().body(member(SIGNER1, "SIGNATORY")).when().post(ORGANIZATIONS + "/" + npo + "/members")
                .then().statusCode(400).body("errors.field", hasItem("role"));
        asStaff().body("{\"subject\":\"x\",\"role\":\"MEMBER\",\"amountLimitYen\":1000}")
                .when().post(ORGANIZATIONS + "/" + npo + "/members").then().statusCode(400)
                .body("errors.field", hasItem("amountLimitYen"));
        asStaff().body("{\"subject\":\"x\",\"role\":\"OWNER\"}")
                .when().post(ORGANIZATIONS + "/" + npo + "/members").then().statusCode(400)
                .body("errors.field", hasItem("role"));
        asStaff().body("{\"subject\":\"\",\"role\":\"MEMBER\",\"amountLimitYen\":-1}")
                .when().post(ORGANIZATIONS + "/" + npo + "/members").then().statusCode(400)
                .body("errors.field", hasItem("subject")).body("errors.field", hasItem("amountLimitYen"));
    }

    @Test
    void theDemoDepartmentHasStaff1AndSigner1WithAFiveMillionYenLimit() {
        String id = register("{\"type\":\"CITY_DEPARTMENT\",\"name\":\"" + unique("市民協働推進課")
                + "\",\"nameKana\":\"シミンキョウドウスイシンカ\"}").jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;
        asStaff().body("{\"subject\":\"" + SIGNER1 + "\",\"role\":\"SIGNATORY\",\"amountLimitYen\":5000000}")
                .when().post(path + "/members").then().statusCode(201).body("amountLimitYen", equalTo(5000000));

        long version = Long.parseLong(etagOf(id).replace("\"", ""));
        JsonNode added = payloadOf(awaitEvent(DirectoryEvents.MEMBER_ADDED, id, version));
        assertThat(added.get("type").asText()).isEqualTo("CITY_DEPARTMENT");
        assertThat(added.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(added.get("members").toString()).contains(STAFF1, SIGNER1, "5000000");
        assertThat(added.get("memberChange").get("role").asText()).isEqualTo("SIGNATORY");
    }

    @Test
    void staffActForADepartmentOnlyAsItsMembers() {
        String id = register(asAdmin(), "{\"type\":\"CITY_DEPARTMENT\",\"name\":\"" + unique("環境政策課")
                + "\",\"nameKana\":\"カンキョウセイサクカ\"}").jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;
        // staff1 is not a member of a department the admin set up
        asStaff().body(member(SIGNER1, "SIGNATORY")).when().post(path + "/members").then().statusCode(403);
        asAdmin().body(member(STAFF1, "STAFF")).when().post(path + "/members").then().statusCode(201);
        asStaff().body(member(SIGNER1, "SIGNATORY")).when().post(path + "/members").then().statusCode(201);
    }

    @Test
    void whenTheRepresentativeChangesTheFormerOnesRightsEndAtOnceAndTheEventSaysSo() {
        String id = register(asPartner1(), npoJson(unique("交代の会"), "コウタイノカイ", null)).jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;
        asPartner1().body(member(PARTNER2, "STAFF")).when().post(path + "/members").then().statusCode(201);
        long before = Long.parseLong(etagOf(id).replace("\"", ""));

        asPartner1().header("If-Match", etagOf(id))
                .body("{\"subject\":\"" + PARTNER2 + "\",\"reason\":\"総会で改選\"}").when().put(path + "/representative")
                .then().statusCode(200)
                .body("find { it.subject == '" + PARTNER2 + "' }.role", equalTo("REPRESENTATIVE"))
                .body("subject", not(hasItem(PARTNER1)));

        asPartner1().header("If-Match", etagOf(id)).body("{\"name\":\"元代表\",\"nameKana\":\"モトダイヒョウ\"}").when().put(path)
                .then().statusCode(403);
        asPartner1().when().get(path).then().statusCode(403);
        asPartner2().header("If-Match", etagOf(id)).body("{\"name\":\"新代表の会\",\"nameKana\":\"シンダイヒョウ\"}").when().put(path)
                .then().statusCode(200);

        JsonNode removed = payloadOf(awaitEvent(DirectoryEvents.MEMBER_REMOVED, id, before + 1));
        assertThat(removed.get("memberChange").get("subject").asText()).isEqualTo(PARTNER1);
        assertThat(removed.get("memberChange").get("role").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(removed.get("memberChange").get("added").asBoolean()).isFalse();
        assertThat(removed.get("members").toString()).doesNotContain(PARTNER1);
        JsonNode added = payloadOf(awaitEvent(DirectoryEvents.MEMBER_ADDED, id, before + 2));
        assertThat(added.get("memberChange").get("subject").asText()).isEqualTo(PARTNER2);
        assertThat(added.get("memberChange").get("role").asText()).isEqualTo("REPRESENTATIVE");

        asStaff().when().get(path + "/audit-trail").then().statusCode(200)
                .body("find { it.action == 'representative-changed' }.reason", equalTo("総会で改選"));
    }

    @Test
    void removingAMemberNeedsTheCurrentETagAndARepresentativeIsReplacedNotRemovedByPartners() {
        String id = register(asPartner1(), npoJson(unique("削除の会"), "サクジョノカイ", null)).jsonPath().getString("id");
        String path = ORGANIZATIONS + "/" + id;
        asPartner1().body(member(PARTNER2, "MEMBER")).when().post(path + "/members").then().statusCode(201);

        asPartner1().when().delete(path + "/members/" + PARTNER2).then().statusCode(428);
        asPartner1().header("If-Match", "\"0\"").when().delete(path + "/members/" + PARTNER2).then().statusCode(412);
        asPartner1().header("If-Match", etagOf(id)).when().delete(path + "/members/" + PARTNER1).then().statusCode(403);
        asPartner1().header("If-Match", etagOf(id)).when().delete(path + "/members/" + PARTNER2).then().statusCode(204);
        asPartner2().when().get(path).then().statusCode(403);
        asPartner1().header("If-Match", etagOf(id)).when().delete(path + "/members/nobody").then().statusCode(404);
    }
}
