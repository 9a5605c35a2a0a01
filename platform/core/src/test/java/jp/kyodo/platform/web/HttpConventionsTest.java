package jp.kyodo.platform.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.kyodo.platform.sample.PlatformTestSupport;

@QuarkusTest
class HttpConventionsTest extends PlatformTestSupport {

    @jakarta.inject.Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    @Test
    void theServicesMapperReadsOnlyDatesOfFourDigitYears() throws Exception {
        assertThat(mapper.readValue("\"2027-04-01\"", java.time.LocalDate.class)).hasYear(2027);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mapper.readValue("\"+999999999-12-31\"",
                java.time.LocalDate.class)).isInstanceOf(com.fasterxml.jackson.databind.exc.InvalidFormatException.class);
    }

    private static final String WIDGETS = "/api/widgets";

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void invalidFieldsAreListedInAProblemDocument() {
        given().contentType(ContentType.JSON).body("{\"name\":\"\",\"colour\":\"RED\"}")
                .when().post(WIDGETS)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:validation-failed"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("requestId", notNullValue());
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void problemsAreInJapaneseWhenTheCallerPrefersIt() {
        given().contentType(ContentType.JSON).header("Accept-Language", "ja,en;q=0.5")
                .body("{\"name\":\"\",\"colour\":\"RED\"}")
                .when().post(WIDGETS)
                .then().statusCode(400)
                .body("title", equalTo("リクエストの項目に誤りがあります"));
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void unreadableBodiesAreA400NamingTheFieldWhereThereIsOne() {
        given().contentType(ContentType.JSON).body("{\"name\": ").when().post(WIDGETS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:malformed-request"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"GREEN\"}").when().post(WIDGETS)
                .then().statusCode(400).body("errors.field", hasItem("colour"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"RED\",\"shape\":\"round\"}")
                .when().post(WIDGETS)
                .then().statusCode(400).body("errors.field", hasItem("shape"));
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"RED\"} trailing").when().post(WIDGETS)
                .then().statusCode(400).body("type", equalTo("urn:kyodo:problem:malformed-request"));
        given().contentType(ContentType.TEXT).body("name=a").when().post(WIDGETS)
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void aPropertyGivenTwiceIsA400NamingItWhereverItStands() {
        for (String body : List.of("{\"name\":\"a\",\"name\":\"b\",\"colour\":\"RED\"}",
                "{\"name\":\"a\",\"colour\":\"RED\",\"name\":\"b\"}")) {
            given().contentType(ContentType.JSON).body(body).when().post(WIDGETS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:kyodo:problem:validation-failed"))
                    .body("errors.field", hasItem("name"));
        }
        // Before the caller is looked at, like any unreadable body; and the same for a write that needs If-Match.
        Response created = create("dup-" + UUID.randomUUID().toString().substring(0, 8), null);
        given().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body("{\"name\":\"a\",\"colour\":\"RED\",\"colour\":\"BLUE\"}").when().put(created.header("Location"))
                .then().statusCode(400).body("errors.field", hasItem("colour"));
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void queryParametersThatDoNotParseAreA400NamingTheParameterNotA404() {
        given().queryParam("limit", "abc").when().get(WIDGETS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:validation-failed"))
                .body("errors.field", hasItem("limit"));
        given().queryParam("colour", "PURPLE").when().get(WIDGETS + "/count")
                .then().statusCode(400).body("errors.field", hasItem("colour"));
        given().queryParam("colour", "RED").when().get(WIDGETS + "/count").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void textTheDatabaseCannotStoreIsA400AndAMalformedAcceptLanguageStillGetsAProblem() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\\u0000b\",\"colour\":\"RED\"}")
                .when().post(WIDGETS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:validation-failed"));
        given().header("Accept-Language", "!!;q=zz").when().get(WIDGETS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not found"));
    }

    @Test
    void anObjectIsAnsweredAsJsonOrNotAtAll() {
        given().accept("application/xml").when().get(WIDGETS).then().statusCode(406)
                .contentType("application/problem+json").body("type", equalTo("urn:kyodo:problem:not-acceptable"));
        given().accept("application/xml, application/json;q=0.1").when().get(WIDGETS).then().statusCode(200)
                .contentType("application/json");
        given().accept("*/*").when().get(WIDGETS).then().statusCode(200).contentType("application/json");
        // A Response around a view, as reads with an ETag answer: the same.
        given().accept("application/xml").when().get(WIDGETS + "/" + UUID.randomUUID()).then().statusCode(406);
    }

    @Test
    void anonymousWritesAre401AndUnknownPathsAre404AsProblems() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"RED\"}").when().post(WIDGETS)
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:unauthenticated"));
        given().when().get("/api/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().when().get(WIDGETS + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:kyodo:problem:not-found"));
    }

    @Test
    @TestSecurity(user = "citizen-1", roles = "citizen")
    void aWrongRoleIs403() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"colour\":\"RED\"}").when().post(WIDGETS)
                .then().statusCode(403).body("type", equalTo("urn:kyodo:problem:forbidden"));
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void writesNeedTheCurrentETag() {
        Response created = create("etag-" + UUID.randomUUID().toString().substring(0, 8), null);
        String location = created.header("Location");
        String etag = created.header("ETag");
        assertThat(etag).isEqualTo("\"0\"");

        rename(location, null).then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("urn:kyodo:problem:precondition-required"));
        rename(location, "\"7\"").then().statusCode(412)
                .body("type", equalTo("urn:kyodo:problem:precondition-failed"));
        rename(location, etag).then().statusCode(200).header("ETag", "\"1\"");
        rename(location, etag).then().statusCode(412);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void ifMatchIsAListOfStrongEntityTagsOrAStar() {
        String location = create("tags-" + UUID.randomUUID().toString().substring(0, 8), null).header("Location");

        // Unreadable preconditions are refused as failed, never guessed at (no quotes, junk after a tag, a lone W/).
        for (String unreadable : List.of("0", "\"0\" junk", "W/", "\"0", "*, \"0\"", "\u00e9\"0\"")) {
            rename(location, unreadable).then().statusCode(412)
                    .body("type", equalTo("urn:kyodo:problem:precondition-failed"));
        }
        // RFC 9110 compares If-Match strongly: a weak tag never matches, even of the current version.
        rename(location, "W/\"0\"").then().statusCode(412);
        // One current tag in a list is enough; so is a second field line.
        rename(location, "\"5\", \"0\"").then().statusCode(200).header("ETag", "\"1\"");
        given().contentType(ContentType.JSON).header("If-Match", "\"9\"").header("If-Match", "\"1\"")
                .body("{\"name\":\"two-lines\",\"colour\":\"BLUE\"}").when().put(location)
                .then().statusCode(200).header("ETag", "\"2\"");
        // * is "whatever version is current" (RFC 9110 13.1.1): the write goes through on an existing resource ...
        rename(location, "*").then().statusCode(200).header("ETag", "\"3\"");
        rename(location, " * ").then().statusCode(200).header("ETag", "\"4\"");
        // ... and an absent one stays absent.
        rename(WIDGETS + "/" + UUID.randomUUID(), "*").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "citizen-1", roles = "citizen")
    void theCallerIsAuthorisedBeforeThePreconditionIsLookedAt() {
        String location = WIDGETS + "/" + widgetMadeByStaff();
        // A caller who may not write learns nothing of the version: 403 whatever If-Match says, or without one.
        for (String ifMatch : Arrays.asList(null, "garbage", "*", "\"0\"", "\"99\"", "W/\"0\"")) {
            rename(location, ifMatch).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:kyodo:problem:forbidden"));
        }
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void aRepeatedIdempotencyKeyReturnsTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        String name = "idem-" + key.substring(0, 8);
        Response first = create(name, key);
        Response second = create(name, key);

        assertThat(second.statusCode()).isEqualTo(201);
        assertThat(second.body().asString()).isEqualTo(first.body().asString());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(count("select count(*) from widget where name = ?", name)).isEqualTo(1);
        assertThat(count("select count(*) from kyodo_outbox where convert_from(payload, 'UTF8') like ?", "%" + name + "%"))
                .as("one event for one widget").isEqualTo(1);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"name\":\"something else\",\"colour\":\"RED\"}")
                .when().post(WIDGETS).then().statusCode(422)
                .body("type", equalTo("urn:kyodo:problem:idempotency-key-reused"));
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void anExpiredIdempotencyKeyCreatesAnewAndThenReplaysTheNewResponse() {
        String key = UUID.randomUUID().toString();
        String first = "expired-" + key.substring(0, 8);
        String second = "renewed-" + key.substring(0, 8);
        create(first, key);
        jp.kyodo.platform.testing.Database.execute(dataSource,
                "update kyodo_idempotency_key set expires_at = now() - interval '1 second' where idempotency_key = ?", key);

        Response renewed = create(second, key);
        Response replayed = create(second, key);

        assertThat(renewed.header("Idempotent-Replayed")).isNull();
        assertThat(renewed.body().asString()).contains(second);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.body().asString()).isEqualTo(renewed.body().asString());
        assertThat(count("select count(*) from widget where name = ?", second)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void concurrentDuplicatesWaitForTheFirstAndAllGetItsResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key.substring(0, 8);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Callable<Response> post = () -> create(name, key);
            responses.add(pool.submit(post));
        }
        Set<String> bodies = new TreeSet<>();
        for (Future<Response> response : responses) {
            Response r = response.get();
            assertThat(r.statusCode()).isEqualTo(201);
            bodies.add(r.body().asString());
        }
        pool.shutdown();
        assertThat(bodies).hasSize(1);
        assertThat(count("select count(*) from widget where name = ?", name)).isEqualTo(1);
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void listsArePagedWithAnOpaqueCursorInAStableOrder() {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (int i = 0; i < 5; i++) {
            create(prefix + i, null);
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.when().get(WIDGETS).then().statusCode(200).extract().response();
            names.addAll(page.jsonPath().getList("items.name"));
            cursor = page.jsonPath().getString("nextCursor");
        } while (cursor != null);
        assertThat(names.stream().filter(n -> n.startsWith(prefix))).containsExactly(prefix + 0, prefix + 1, prefix + 2,
                prefix + 3, prefix + 4);
        assertThat(names).isSorted();

        given().queryParam("limit", 0).when().get(WIDGETS).then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "garbage").when().get(WIDGETS).then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
    }

    @Test
    void everyResponseCarriesARequestIdKeepingTheCallersOwn() {
        given().header("X-Request-Id", "abc-123").when().get(WIDGETS).then().header("X-Request-Id", "abc-123");
        given().when().get(WIDGETS).then().header("X-Request-Id", notNullValue());
        given().header("X-Request-Id", "bad id with spaces").when().get(WIDGETS)
                .then().header("X-Request-Id", org.hamcrest.Matchers.not(containsString(" ")));
    }

    @Test
    @TestSecurity(user = "staff-1", roles = "city-staff")
    void outboxRowsCarryTheRequestIdAndTheTraceparent() {
        String requestId = "req-" + UUID.randomUUID();
        String name = "traced-" + requestId.substring(4, 12);
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        given().contentType(ContentType.JSON).header("X-Request-Id", requestId).header("traceparent", traceparent)
                .body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}").when().post(WIDGETS).then().statusCode(201)
                .body("version", equalTo(0)).body("nothing", nullValue());
        assertThat(text("select request_id from kyodo_outbox where convert_from(payload, 'UTF8') like ?", "%" + name + "%"))
                .isEqualTo(requestId);
        assertThat(text("select traceparent from kyodo_outbox where convert_from(payload, 'UTF8') like ?", "%" + name + "%"))
                .as("the trace continues from the request").contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void prometheusMetricsIncludeTheOutboxBacklog() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("kyodo_outbox_backlog"));
    }

    private static Response rename(String location, String ifMatch) {
        // A new name each time: a write that changes nothing keeps the version.
        String name = "renamed-" + UUID.randomUUID().toString().substring(0, 8);
        var request = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"colour\":\"BLUE\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().put(location);
    }

    /** A widget of the sample's own table, written directly: the test runs as a caller who may not create one. */
    private UUID widgetMadeByStaff() {
        UUID id = UUID.randomUUID();
        jp.kyodo.platform.testing.Database.execute(dataSource,
                "insert into widget (id, name, colour, version) values (?, ?, 'RED', 0)", id, "kept-" + id);
        return id;
    }

    private static Response create(String name, String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}");
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post(WIDGETS).then().statusCode(201).extract().response();
    }
}
