package jp.kyodo.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.ws.rs.core.EntityTag;
import jp.kyodo.platform.sample.PlatformTestSupport;

@QuarkusTest
class PublicReadsTest extends PlatformTestSupport {

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void aPublicListCarriesCacheControlAndADigestETagAndAnswersIfNoneMatchWith304() {
        create("公開 " + UUID.randomUUID(), "BLUE");
        Response first = given().get("/api/widgets/public");
        first.then().statusCode(200).header("Cache-Control", "public, max-age=60");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

        given().header("If-None-Match", etag).get("/api/widgets/public")
                .then().statusCode(304).header("ETag", etag).body(emptyString());
        given().header("If-None-Match", "W/" + etag + ", \"other\"").get("/api/widgets/public")
                .then().statusCode(304);

        create("公開 " + UUID.randomUUID(), "BLUE");
        Response changed = given().header("If-None-Match", etag).get("/api/widgets/public");
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void aReadMarkedPublicKeepsTheVersionETagWritesUse() {
        String blue = create("青 " + UUID.randomUUID(), "BLUE");
        given().get("/api/widgets/" + blue).then().statusCode(200)
                .header("Cache-Control", "public, max-age=60").header("ETag", "\"0\"");
        given().header("If-None-Match", "\"0\"").get("/api/widgets/" + blue).then().statusCode(304);

        String red = create("赤 " + UUID.randomUUID(), "RED");
        given().get("/api/widgets/" + red).then().statusCode(200).header("Cache-Control", nullValue())
                .header("ETag", "\"0\"");
        given().header("If-None-Match", "\"0\"").get("/api/widgets/" + red).then().statusCode(200)
                .body("name", equalTo(given().get("/api/widgets/" + red).path("name")));
    }

    @Test
    void openDataIsTaggedByItsRecordsPerFormat() {
        Response json = given().get("/api/widgets/open-data/widgets");
        json.then().statusCode(200).header("Cache-Control", "public, max-age=60");
        String jsonTag = json.header("ETag");
        assertThat(jsonTag).startsWith("W/\"json-");
        // generatedAt differs from one answer to the next; the records, and so the tag, do not.
        given().header("If-None-Match", jsonTag).get("/api/widgets/open-data/widgets").then().statusCode(304);

        String csvTag = given().queryParam("format", "csv").get("/api/widgets/open-data/widgets").then().statusCode(200)
                .extract().header("ETag");
        assertThat(csvTag).startsWith("W/\"csv-").isNotEqualTo(jsonTag);
        given().queryParam("format", "csv").header("If-None-Match", jsonTag).get("/api/widgets/open-data/widgets")
                .then().statusCode(200);
    }

    @Test
    void theDigestIsStableAndComparisonIsWeak() {
        assertThat(PublicReads.digest("a".getBytes())).isEqualTo(PublicReads.digest("a".getBytes()));
        assertThat(PublicReads.digest("a".getBytes())).isNotEqualTo(PublicReads.digest("b".getBytes()));
        EntityTag tag = new EntityTag("abc");
        assertThat(PublicReads.matches("\"abc\"", tag)).isTrue();
        assertThat(PublicReads.matches("W/\"abc\"", tag)).isTrue();
        assertThat(PublicReads.matches("*", tag)).isTrue();
        assertThat(PublicReads.matches("\"abd\", \"x\"", tag)).isFalse();
        assertThat(PublicReads.matches("abc", tag)).isFalse();
        assertThat(PublicReads.matches(null, tag)).isFalse();
    }

    private static String create(String name, String colour) {
        return given().contentType(ContentType.JSON).body("{\"name\":\"" + name.substring(0, 12) + "\",\"colour\":\"" + colour + "\"}")
                .post("/api/widgets").then().statusCode(201).extract().path("id");
    }
}
