package jp.kyodo.directory.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;

@QuarkusTest
class PublicDirectoryTest extends DirectoryTestSupport {

    private static final String PUBLIC = "/api/directory/public/organizations";

    @Test
    void anonymousCallersSeeOnlyVerifiedOrganisationsAndOnlyTheirPublicFields() {
        String marker = unique("公開");
        String verified = registerNpo(marker + "確認済");
        String unverified = registerNpo(marker + "未確認");
        verify(verified);
        asStaff().body("{\"subject\":\"" + PARTNER1 + "\",\"role\":\"REPRESENTATIVE\",\"displayName\":\"代表 太郎\"}")
                .when().post(ORGANIZATIONS + "/" + verified + "/members").then().statusCode(201);

        List<String> listed = given().queryParam("q", marker).when().get(PUBLIC).then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(listed).containsExactly(verified);

        String body = given().when().get(PUBLIC + "/" + verified).then().statusCode(200)
                .body("name", equalTo(marker + "確認済"))
                .body("type", equalTo("CIVIC_GROUP"))
                .body("contact", nullValue())
                .body("address", nullValue())
                .extract().asString();
        assertThat(body).doesNotContain(PARTNER1, "代表 太郎", "山田 花子", "info@example.org", "members");
        given().when().get(PUBLIC + "/" + unverified).then().statusCode(404);
    }

    @Test
    void anOrganisationThatPublishesItsContactShowsIt() {
        String json = npoJson(unique("連絡先公開の会"), "レンラクサキ", null).replace("\"contactPublic\":false", "\"contactPublic\":true");
        String id = register(json).jsonPath().getString("id");
        verify(id);
        given().when().get(PUBLIC + "/" + id).then().statusCode(200)
                .body("contact.email", equalTo("info@example.org"))
                .body("postalCode", equalTo("100-0001"));
    }

    @Test
    void aSuspendedOrganisationDisappearsFromThePublicDirectory() {
        String id = registerNpo(unique("停止公開の会"));
        verify(id);
        given().when().get(PUBLIC + "/" + id).then().statusCode(200);
        asStaff().header("If-Match", etagOf(id)).body("{\"to\":\"SUSPENDED\",\"reason\":\"調査中\"}")
                .when().post(ORGANIZATIONS + "/" + id + "/status-changes").then().statusCode(200);
        given().when().get(PUBLIC + "/" + id).then().statusCode(404);
    }

    @Test
    void publicFiltersAreValidated() {
        given().queryParam("type", "GUILD").when().get(PUBLIC).then().statusCode(400);
        given().queryParam("limit", 0).when().get(PUBLIC).then().statusCode(400);
    }
}
