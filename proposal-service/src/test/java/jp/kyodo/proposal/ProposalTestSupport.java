package jp.kyodo.proposal;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationSnapshot;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.platform.testing.Await;
import jp.kyodo.platform.testing.Database;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.PostgresAndKafka;
import jp.kyodo.platform.testing.TestCallerHeaders;

/**
 * Real PostgreSQL and Kafka for every test of the module (one Quarkus boot). Organisations arrive as they do in
 * production: as directory CloudEvents on kyodo.directory.v1, consumed into the read model.
 */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_proposals"))
public abstract class ProposalTestSupport {

    public static final String ADMIN1 = "a0000000-0000-4000-8000-000000000001";
    public static final String STAFF1 = "a0000000-0000-4000-8000-000000000002";
    public static final String SIGNER1 = "a0000000-0000-4000-8000-000000000003";
    public static final String COORDINATOR1 = "a0000000-0000-4000-8000-000000000004";
    public static final String REVIEWER1 = "a0000000-0000-4000-8000-000000000005";
    public static final String REVIEWER2 = "a0000000-0000-4000-8000-000000000006";
    public static final String ANALYST1 = "a0000000-0000-4000-8000-000000000007";
    public static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    public static final String PARTNER2 = "a0000000-0000-4000-8000-000000000009";
    public static final String CITIZEN1 = "a0000000-0000-4000-8000-000000000010";

    public static final String PROPOSALS_TOPIC = "kyodo.proposals.v1";

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected DataSource dataSource;

    // ---- people --------------------------------------------------------------------------------------------

    protected static RequestSpecification as(String subject, String... roles) {
        return given().contentType(ContentType.JSON).header(TestCallerHeaders.SUBJECT, subject)
                .header(TestCallerHeaders.ROLES, String.join(",", roles));
    }

    protected static RequestSpecification staff(String subject) {
        return as(subject, "city-staff");
    }

    protected static RequestSpecification partner(String subject) {
        return as(subject, "partner");
    }

    protected static RequestSpecification reviewer(String subject) {
        return as(subject, "reviewer");
    }

    protected static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    // ---- directory ------------------------------------------------------------------------------------------

    /** Delivers a directory event through the real broker and waits until the read model holds that version. */
    protected UUID organization(ActorType type, OrganizationStatus status, Map<String, MemberRole> members) {
        UUID id = UUID.randomUUID();
        sendDirectoryEvent("organization.registered", id, 1, type, status, members, UUID.randomUUID().toString());
        return id;
    }

    protected UUID department(String... staff) {
        Map<String, MemberRole> members = new LinkedHashMap<>();
        for (String s : staff) {
            members.put(s, MemberRole.STAFF);
        }
        return organization(ActorType.CITY_DEPARTMENT, OrganizationStatus.VERIFIED, members);
    }

    protected UUID verifiedNpo(String... members) {
        Map<String, MemberRole> roles = new LinkedHashMap<>();
        for (String s : members) {
            roles.put(s, MemberRole.REPRESENTATIVE);
        }
        return organization(ActorType.CIVIC_GROUP, OrganizationStatus.VERIFIED, roles);
    }

    protected void sendDirectoryEvent(String name, UUID id, long version, ActorType type, OrganizationStatus status,
            Map<String, MemberRole> members, String eventId) {
        List<OrganizationSnapshot.Member> list = new ArrayList<>();
        members.forEach((subject, role) -> list.add(new OrganizationSnapshot.Member(subject, role, null)));
        OrganizationSnapshot snapshot = new OrganizationSnapshot(id, version, "団体 " + id.toString().substring(0, 8),
                "ダンタイ", type, status, null, List.of("ENVIRONMENT"), list, null, null);
        try {
            KafkaRecords.sendCloudEvent(OrganizationSnapshot.TOPIC, "jp.kyodo." + name + ".v1",
                    "/kyodo/directory-service", id.toString(), version, eventId, mapper.writeValueAsBytes(snapshot));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Await.until("the read model has " + id + " at version " + version, Duration.ofSeconds(30),
                () -> count("select count(*) from directory_organization where id = ? and version >= ?", id,
                        version) == 1);
    }

    // ---- proposals ------------------------------------------------------------------------------------------

    protected String publishTheme(UUID department, String staff, long ceiling, Instant opens, Instant closes) {
        return staff(staff).body(Map.of("departmentId", department, "title", "公園の協働管理", "localIssue",
                "市民公園の維持管理の担い手不足", "fiscalYear", 2027, "budgetCeilingYen", ceiling, "opensAt",
                opens.toString(), "closesAt", closes.toString()))
                .post("/api/proposals/themes").then().statusCode(201).extract().path("id");
    }

    /** A complete proposal body: the organisation acts for itself and asks the department to pay cityShare. */
    protected Map<String, Object> proposalBody(UUID actingFor, UUID department, String themeId, long cityShare) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actingFor", actingFor);
        if (themeId != null) {
            body.put("themeId", themeId);
        }
        body.put("title", "市民公園の協働管理");
        body.put("localIssue", "公園の清掃と見守りの担い手が不足している");
        body.put("goals", List.of("月1回の清掃活動", "子どもの見守り"));
        body.put("approach", "地域住民と市が役割を分担して管理する");
        body.put("collaborationForm", "AGREEMENT");
        body.put("activityArea", "C");
        body.put("field", "ENVIRONMENT");
        body.put("period", Map.of("start", "2027-04-01", "end", "2028-03-31"));
        body.put("beneficiaries", "公園の利用者");
        body.put("budgetLines", List.of(
                Map.of("organizationId", actingFor, "fiscalYear", 2027, "item", "清掃用具", "amountYen", 50000),
                Map.of("organizationId", department, "fiscalYear", 2027, "item", "協働負担金", "amountYen", cityShare)));
        body.put("expectedEffects", "公園の利用者が増える");
        if (themeId == null) {
            body.put("departmentId", department);
        }
        return body;
    }

    protected String draft(String subject, Map<String, Object> body) {
        return partner(subject).body(body).post("/api/proposals").then().statusCode(201).extract().path("id");
    }

    protected Response submit(String subject, String proposalId, UUID actingFor, boolean consent) {
        return partner(subject).header("If-Match", etagOf(proposalId))
                .body(Map.of("actingFor", actingFor, "consentToCaseArchive", consent))
                .post("/api/proposals/" + proposalId + "/submission");
    }

    /** The proposal's current ETag, as a client that read it would send it back in If-Match. */
    protected String etagOf(String proposalId) {
        return "\"" + count("select version from proposal where id = ?", UUID.fromString(proposalId)) + "\"";
    }

    /** A citizen-initiated proposal of a fresh NPO (member PARTNER1) to a fresh department (staff STAFF1), submitted. */
    protected Fixture submittedProposal() {
        UUID department = department(STAFF1);
        UUID npo = verifiedNpo(PARTNER1);
        String id = draft(PARTNER1, proposalBody(npo, department, null, 100000));
        submit(PARTNER1, id, npo, true).then().statusCode(200);
        return new Fixture(id, npo, department);
    }

    protected Fixture proposalInConsultation() {
        Fixture f = submittedProposal();
        staff(STAFF1).header("If-Match", etagOf(f.id()))
                .body(Map.of("actingFor", f.department())).post("/api/proposals/" + f.id() + "/consultation")
                .then().statusCode(200);
        return f;
    }

    protected record Fixture(String id, UUID npo, UUID department) {
    }

    // ---- infrastructure -------------------------------------------------------------------------------------

    protected long count(String sql, Object... parameters) {
        return Database.count(dataSource, sql, parameters);
    }

    protected com.fasterxml.jackson.databind.JsonNode eventPayload(String type, String proposalId) {
        try (KafkaRecords records = KafkaRecords.from(PROPOSALS_TOPIC)) {
            var record = records.await(r -> type.equals(KafkaRecords.header(r, "ce_type"))
                    && proposalId.equals(r.key()), Duration.ofSeconds(20));
            return mapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
