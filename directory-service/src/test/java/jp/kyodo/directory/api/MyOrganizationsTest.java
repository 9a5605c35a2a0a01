package jp.kyodo.directory.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.directory.DirectoryTestSupport;

/** GET /api/directory/me/organizations: where a newcomer finds the organisations they may name as actingFor. */
@QuarkusTest
class MyOrganizationsTest extends DirectoryTestSupport {

    private static final String MINE = "/api/directory/me/organizations";

    private static String member(String subject, String role, Long limit) {
        return "{\"subject\":\"" + subject + "\",\"role\":\"" + role + "\""
                + (limit == null ? "" : ",\"amountLimitYen\":" + limit) + "}";
    }

    @Test
    void eachOrganisationTheCallerBelongsToWithTheirRoleAndWhetherTheyMayActForIt() {
        String person = "me-" + UUID.randomUUID();
        String npo = register(npoJson(unique("あおぞらの会"), "アオゾラノカイ", null)).jsonPath().getString("id");
        String department = register("""
                {"type":"CITY_DEPARTMENT","name":"%s","nameKana":"シミンキョウドウカ","fields":["ENVIRONMENT"]}
                """.formatted(unique("市民協働課"))).jsonPath().getString("id");
        registerNpo(unique("よその会"));
        asStaff().body(member(person, "MEMBER", null)).when().post(ORGANIZATIONS + "/" + npo + "/members").then()
                .statusCode(201);
        asStaff().body(member(person, "SIGNATORY", 3_000_000L)).when().post(ORGANIZATIONS + "/" + department
                + "/members").then().statusCode(201);

        // By reading (ア before シ); as a partner the caller may act for the NPO, not for the department.
        as(person, "partner").when().get(MINE).then().statusCode(200)
                .body("items.organizationId", contains(npo, department))
                .body("items[0].role", equalTo("MEMBER")).body("items[0].mayActFor", equalTo(true))
                .body("items[0].status", equalTo("UNVERIFIED")).body("items[0].memberSince", notNullValue())
                .body("items[0]", not(hasKey("amountLimitYen")))
                .body("items[1].nameKana", equalTo("シミンキョウドウカ")).body("items[1].type", equalTo("CITY_DEPARTMENT"))
                .body("items[1].role", equalTo("SIGNATORY")).body("items[1].amountLimitYen", equalTo(3_000_000))
                .body("items[1].mayActFor", equalTo(false));
        as(person, "city-staff").when().get(MINE).then().statusCode(200)
                .body("items.mayActFor", contains(false, true));

        // A page at a time, in the same order.
        String cursor = as(person, "partner").queryParam("limit", 1).when().get(MINE).then().statusCode(200)
                .body("items.organizationId", contains(npo)).body("nextCursor", notNullValue())
                .extract().path("nextCursor");
        as(person, "partner").queryParam("limit", 1).queryParam("cursor", cursor).when().get(MINE).then()
                .statusCode(200).body("items.organizationId", contains(department)).body("nextCursor", nullValue());
        as(person, "partner").queryParam("limit", 0).when().get(MINE).then().statusCode(400);

        as("nobody-" + UUID.randomUUID(), "citizen").when().get(MINE).then().statusCode(200).body("items", hasSize(0));
        given().when().get(MINE).then().statusCode(401);
    }
}
