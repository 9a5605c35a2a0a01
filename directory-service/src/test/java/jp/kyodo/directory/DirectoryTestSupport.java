package jp.kyodo.directory;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.kyodo.platform.testing.TestCallerHeaders;
import jp.kyodo.platform.testing.Database;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.PostgresAndKafka;

/** Real PostgreSQL and Kafka for every directory test (one boot for the module), and helpers that read like the API. */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_directory"))
public abstract class DirectoryTestSupport {

    public static final String ORGANIZATIONS = "/api/directory/organizations";
    public static final String TOPIC = "kyodo.directory.v1";

    public static final String ADMIN1 = "a0000000-0000-4000-8000-000000000001";
    public static final String STAFF1 = "a0000000-0000-4000-8000-000000000002";
    public static final String SIGNER1 = "a0000000-0000-4000-8000-000000000003";
    public static final String COORDINATOR1 = "a0000000-0000-4000-8000-000000000004";
    public static final String ANALYST1 = "a0000000-0000-4000-8000-000000000007";
    public static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    public static final String PARTNER2 = "a0000000-0000-4000-8000-000000000009";
    public static final String CITIZEN1 = "a0000000-0000-4000-8000-000000000010";

    /** A real corporate number (the National Tax Agency's own) and others with a valid check digit. */
    public static final String NTA_CORPORATE_NUMBER = "7000012050002";

    @Inject
    protected DataSource dataSource;

    @Inject
    protected ObjectMapper mapper;

    /** A request made by this person with these realm roles (see {@link TestCallerHeaders}). */
    protected static io.restassured.specification.RequestSpecification as(String subject, String roles) {
        return given().header(TestCallerHeaders.SUBJECT, subject).header(TestCallerHeaders.ROLES, roles)
                .contentType(ContentType.JSON);
    }

    protected static io.restassured.specification.RequestSpecification asStaff() {
        return as(STAFF1, "city-staff");
    }

    protected static io.restassured.specification.RequestSpecification asAdmin() {
        return as(ADMIN1, "admin");
    }

    protected static io.restassured.specification.RequestSpecification asPartner1() {
        return as(PARTNER1, "partner");
    }

    protected static io.restassured.specification.RequestSpecification asPartner2() {
        return as(PARTNER2, "partner");
    }

    /** A distinct name so tests never see each other's organisations. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A 13-digit corporate number with a valid check digit that no other test uses. */
    protected static String freshCorporateNumber() {
        String base = String.format("%012d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000L));
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (base.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + base;
    }

    protected static String npoJson(String name, String kana, String corporateNumber) {
        return """
                {"type":"CIVIC_GROUP","name":"%s","nameKana":"%s",%s"representativeName":"山田 花子",
                 "postalCode":"１００－０００１","address":"市内1-2-3",
                 "contact":{"phone":"045-123-4567","email":"info@example.org","website":"https://example.org"},
                 "contactPublic":false,"fields":["ENVIRONMENT","EDUCATION"],"description":"公園の清掃と環境学習"}
                """.formatted(name, kana, corporateNumber == null ? "" : "\"corporateNumber\":\"" + corporateNumber + "\",");
    }

    /** Registers as staff1; returns the 201 response. */
    protected static Response register(String json) {
        return register(asStaff(), json);
    }

    protected static Response register(io.restassured.specification.RequestSpecification who, String json) {
        return who.body(json).when().post(ORGANIZATIONS).then().statusCode(201).extract().response();
    }

    /** Registers an NPO as staff1 and returns its id. */
    protected static String registerNpo(String name) {
        return register(npoJson(name, "テストノカイ", null)).jsonPath().getString("id");
    }

    protected static String etagOf(String organizationId) {
        return asAdmin().when().get(ORGANIZATIONS + "/" + organizationId).then().statusCode(200).extract().header("ETag");
    }

    /** Staff record all four requirements as satisfied and verify the organisation. */
    protected static void verify(String organizationId) {
        asStaff().header("If-Match", etagOf(organizationId)).body(ALL_REQUIREMENTS_MET)
                .when().put(ORGANIZATIONS + "/" + organizationId + "/eligibility").then().statusCode(200);
        asStaff().header("If-Match", etagOf(organizationId)).body("{\"to\":\"VERIFIED\",\"reason\":\"要件をすべて確認\"}")
                .when().post(ORGANIZATIONS + "/" + organizationId + "/status-changes").then().statusCode(200);
    }

    protected static final String ALL_REQUIREMENTS_MET = """
            {"checks":[
              {"requirement":"ARTICLES_OF_ASSOCIATION","satisfied":true,"evidence":"会則（2019年4月1日施行）を確認"},
              {"requirement":"OFFICE_IN_CITY","satisfied":true,"evidence":"市内の事務所の賃貸契約書"},
              {"requirement":"PROPER_ACCOUNTS","satisfied":true,"evidence":"前年度の収支決算書"},
              {"requirement":"NO_POLITICAL_RELIGIOUS_OR_CRIMINAL_PURPOSE","satisfied":true,"evidence":"誓約書を受領"}]}
            """;

    protected long count(String sql, Object... parameters) {
        return Database.count(dataSource, sql, parameters);
    }

    protected void execute(String sql, Object... parameters) {
        Database.execute(dataSource, sql, parameters);
    }

    /** The published event of this type about this organisation with this version (as the relay sent it). */
    protected static ConsumerRecord<String, byte[]> awaitEvent(String type, String organizationId, long version) {
        try (KafkaRecords records = KafkaRecords.from(TOPIC)) {
            try {
                return records.await(r -> type.equals(KafkaRecords.header(r, "ce_type"))
                        && organizationId.equals(r.key())
                        && Long.toString(version).equals(KafkaRecords.header(r, "ce_aggregateversion")),
                        Duration.ofSeconds(30));
            } catch (AssertionError e) {
                throw new AssertionError("no " + type + " v" + version + " of " + organizationId + "; its events: "
                        + records.seen().stream().filter(r -> organizationId.equals(r.key()))
                                .map(r -> KafkaRecords.header(r, "ce_type") + " v" + KafkaRecords.header(r, "ce_aggregateversion"))
                                .toList(), e);
            }
        }
    }

    protected JsonNode payloadOf(ConsumerRecord<String, byte[]> record) {
        try {
            return mapper.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
