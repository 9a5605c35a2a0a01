package jp.kyodo.systemtests;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Autonomy (自主性尊重): a partner organisation manages its own profile through its representative. Staff register and
 * verify an NPO and make partner1 its representative; partner1's token may then change the profile through the
 * gateway, another partner's may not; when the representative changes, the former one's rights end at once.
 */
@ExtendWith(SystemUnderTest.class)
class OrganizationProfileIT {

    @Test
    void theRepresentativeUpdatesTheProfileAndAnotherPartnerCannot() {
        String tag = Kyodo.tag();
        UUID npo = Kyodo.registerNpo("staff1", "NPO法人みどりの森 " + tag);
        Kyodo.verify("staff1", npo);
        Kyodo.addMember("staff1", npo, DemoUsers.PARTNER1, "REPRESENTATIVE", null);
        String path = "/api/directory/organizations/" + npo;

        ExtractableResponse<Response> read = Gateway.as("partner1").get(path).then().statusCode(200)
                .body("status", equalTo("VERIFIED"))
                .body("representativeSubject", equalTo(DemoUsers.PARTNER1)).extract();
        String etag = read.header("ETag");
        Map<String, Object> profile = profileOf(read.jsonPath());
        profile.put("description", "里山の保全と子ども向けの自然体験を行う " + tag);
        profile.put("fields", List.of("ENVIRONMENT", "EDUCATION"));

        // Another partner: not a member, neither reads nor changes it (403 from directory-service).
        Gateway.as("partner2").get(path).then().statusCode(403);
        Gateway.as("partner2").header("If-Match", etag).body(profile).put(path).then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        // The representative: If-Match is required and must be current.
        Gateway.as("partner1").body(profile).put(path).then().statusCode(428);
        Gateway.as("partner1").header("If-Match", "\"999\"").body(profile).put(path).then().statusCode(412);
        String updated = Gateway.as("partner1").header("If-Match", etag).body(profile).put(path).then()
                .statusCode(200)
                .body("description", equalTo("里山の保全と子ども向けの自然体験を行う " + tag))
                .body("fields", hasItem("EDUCATION"))
                .extract().header("ETag");
        Gateway.as("partner1").header("If-Match", etag).body(profile).put(path).then().statusCode(412);

        // The public directory shows the change without login, and no members.
        Gateway.anonymous().get("/api/directory/public/organizations/" + npo).then().statusCode(200)
                .body("description", equalTo("里山の保全と子ども向けの自然体験を行う " + tag))
                .body("$", not(org.hamcrest.Matchers.hasKey("members")))
                .body("$", not(org.hamcrest.Matchers.hasKey("representativeSubject")));

        // The representative changes to partner2: partner1's rights end at once, partner2's begin.
        updated = Gateway.as("staff1").header("If-Match", updated)
                .body(Map.of("subject", DemoUsers.PARTNER2, "reason", "総会での改選"))
                .put(path + "/representative").then().statusCode(200).extract().header("ETag");
        profile.put("description", "代表者交代後の紹介文 " + tag);
        Gateway.as("partner1").header("If-Match", updated).body(profile).put(path).then().statusCode(403);
        Gateway.as("partner2").header("If-Match", updated).body(profile).put(path).then().statusCode(200)
                .body("representativeSubject", equalTo(DemoUsers.PARTNER2));
    }

    /** The editable part of an organisation as read (OrganizationProfile of directory-service). */
    private static Map<String, Object> profileOf(JsonPath view) {
        Map<String, Object> profile = new LinkedHashMap<>();
        for (String field : List.of("name", "nameKana", "corporateNumber", "representativeName", "postalCode",
                "address", "contact", "contactPublic", "fields", "description")) {
            profile.put(field, view.get(field));
        }
        return profile;
    }
}
