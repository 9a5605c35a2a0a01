package jp.kyodo.agreement;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.security.TestIdentityAssociation;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.platform.testing.Await;
import jp.kyodo.platform.testing.Database;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.PostgresAndKafka;

/**
 * One Quarkus boot for the module, real PostgreSQL and Kafka. Directory snapshots and adopted proposals arrive as
 * CloudEvents on their topics, as they do in production; people are switched per request with {@link #as}.
 */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_agreements"))
public abstract class AgreementTestSupport {

    protected static final String STAFF1 = "a0000000-0000-4000-8000-000000000002";
    protected static final String SIGNER1 = "a0000000-0000-4000-8000-000000000003";
    protected static final String COORDINATOR1 = "a0000000-0000-4000-8000-000000000004";
    protected static final String PARTNER1 = "a0000000-0000-4000-8000-000000000008";
    protected static final String PARTNER2 = "a0000000-0000-4000-8000-000000000009";
    protected static final String CITIZEN1 = "a0000000-0000-4000-8000-000000000010";
    protected static final String PARTNER_SYSTEM = "a0000000-0000-4000-8000-000000000011";
    protected static final String AGREEMENTS_TOPIC = "kyodo.agreements.v1";

    @Inject
    protected TestIdentityAssociation identity;

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected DataSource dataSource;

    @AfterEach
    void signOut() {
        identity.setTestIdentity(null);
    }

    // --- who calls ------------------------------------------------------------------------------------------

    protected void as(String subject, String... roles) {
        identity.setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(subject))
                .addRoles(Set.of(roles)).build());
    }

    protected void asStaff() {
        as(STAFF1, "city-staff");
    }

    protected void asSigner() {
        as(SIGNER1, "city-staff");
    }

    protected void asPartner() {
        as(PARTNER1, "partner");
    }

    protected void anonymous() {
        identity.setTestIdentity(null);
    }

    // --- the directory, as its events describe it ------------------------------------------------------------

    /** A department and an NPO, both verified, with the usual people in them. */
    protected record Parties(UUID department, UUID npo) {
    }

    protected Parties parties(Long signatoryLimitYen) {
        UUID department = UUID.randomUUID();
        UUID npo = UUID.randomUUID();
        organization(department, 1, "市民協働推進課", "CITY_DEPARTMENT", "VERIFIED",
                member(STAFF1, "STAFF", null), member(SIGNER1, "SIGNATORY", signatoryLimitYen));
        organization(npo, 1, "NPO法人 みどりの会", "CIVIC_GROUP", "VERIFIED",
                member(PARTNER1, "REPRESENTATIVE", null), member(PARTNER2, "MEMBER", null),
                member(PARTNER_SYSTEM, "STAFF", null));
        return new Parties(department, npo);
    }

    protected static Map<String, Object> member(String subject, String role, Long limit) {
        Map<String, Object> member = new HashMap<>();
        member.put("subject", subject);
        member.put("role", role);
        member.put("amountLimitYen", limit);
        return member;
    }

    @SafeVarargs
    protected final void organization(UUID id, long version, String name, String type, String status,
            Map<String, Object>... members) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("organizationId", id.toString());
        snapshot.put("version", version);
        snapshot.put("name", name);
        snapshot.put("nameKana", "テスト");
        snapshot.put("type", type);
        snapshot.put("status", status);
        snapshot.put("corporateNumber", null);
        snapshot.put("fields", List.of("ENVIRONMENT"));
        snapshot.put("members", List.of(members));
        snapshot.put("reason", null);
        snapshot.put("memberChange", null);
        send("kyodo.directory.v1", "jp.kyodo.organization.updated.v1", "/kyodo/directory-service", id, version, snapshot);
        awaitTrue("the directory read model has " + name + " v" + version, () -> count(
                "select count(*) from directory_organization where id = ? and version = ?", id, version) == 1);
    }

    protected String send(String topic, String type, String source, UUID subject, long version, Object payload) {
        return send(topic, type, source, subject, version, payload, UUID.randomUUID().toString());
    }

    protected String send(String topic, String type, String source, UUID subject, long version, Object payload,
            String eventId) {
        try {
            KafkaRecords.sendCloudEvent(topic, type, source, subject.toString(), version, eventId,
                    mapper.writeValueAsBytes(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return eventId;
    }

    // --- content -------------------------------------------------------------------------------------------

    /** A complete working copy: ready to be submitted for signature. */
    protected Map<String, Object> content(Parties p, String form, String area) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("title", "里山の協働保全");
        c.put("form", form);
        c.put("activityArea", area);
        c.put("field", "ENVIRONMENT");
        c.put("localIssue", "担い手不足で里山が荒れている");
        c.put("purpose", "里山を市民と市が協働で保全する");
        c.put("approach", "月1回の保全活動と年2回の振り返り");
        c.put("beneficiaries", "市民");
        c.put("term", Map.of("start", "2024-04-01", "end", "2026-03-31"));
        c.put("parties", List.of(Map.of("organizationId", p.department().toString(), "roleDescription", "調整と広報"),
                Map.of("organizationId", p.npo().toString(), "roleDescription", "活動の実施")));
        c.put("tasks", List.of(
                task("保全活動の企画と実施", p.npo(), List.of(p.department())),
                task("広報と用具の貸出", p.department(), List.of())));
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("consumptionTaxIncluded", true);
        costs.put("lines", new ArrayList<>(List.of(
                line(p.department(), 2024, "補助金", 300_000),
                line(p.npo(), 2024, "自己負担", 100_000),
                line(p.department(), 2025, "補助金", 200_000))));
        costs.put("inKind", List.of(Map.of("organizationId", p.department().toString(), "description", "会議室の提供",
                "estimatedValueYen", 50_000)));
        costs.put("declaredCityShareYen", 500_000);
        c.put("costs", costs);
        c.put("liabilities", List.of(Map.of("kind", "INSURANCE", "description", "ボランティア保険に加入する",
                "responsiblePartyId", p.npo().toString())));
        c.put("deliverables", List.of(Map.of("name", "里山マップ", "ownership", "JOINT",
                "ownershipClause", "両者の共有とする")));
        c.put("milestones", List.of(Map.of("name", "上半期の振り返り", "dueDate", "2024-09-30", "kind", "REFLECTION")));
        c.put("targets", Map.of(
                "indicators", List.of(Map.of("name", "参加者数", "unit", "人", "targetValue", 120)),
                "outcomeGoals", List.of(Map.of("description", "里山の手入れが継続される")),
                "satisfactionTarget", Map.of("targetPercent", 80, "method", "参加者アンケート")));
        c.put("clauses", List.of(Map.of("heading", "協議", "text", "定めのない事項は協議する", "published", true),
                Map.of("heading", "内部連絡", "text", "連絡は担当者間で行う", "published", false)));
        return c;
    }

    protected static Map<String, Object> task(String description, UUID responsible, List<UUID> supporting) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("description", description);
        task.put("responsiblePartyId", responsible == null ? null : responsible.toString());
        task.put("supportingPartyIds", supporting.stream().map(UUID::toString).toList());
        return task;
    }

    protected static Map<String, Object> line(UUID party, int year, String item, long amount) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("organizationId", party.toString());
        line.put("fiscalYear", year);
        line.put("item", item);
        line.put("amountYen", amount);
        return line;
    }

    // --- HTTP ----------------------------------------------------------------------------------------------

    protected RequestSpecification json() {
        return given().contentType(ContentType.JSON);
    }

    /** Staff open a complete agreement for the department; returns its id. */
    protected UUID open(Parties p, Map<String, Object> content) {
        asStaff();
        String id = json().body(Map.of("actingFor", p.department().toString(), "content", content))
                .post("/api/agreements").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    protected String etag(UUID agreement) {
        return given().get("/api/agreements/" + agreement).then().statusCode(200).extract().header("ETag");
    }

    protected Response submit(UUID agreement, UUID actingFor) {
        return json().header("If-Match", etag(agreement)).body(Map.of("actingFor", actingFor.toString()))
                .post("/api/agreements/" + agreement + "/submission");
    }

    protected Response sign(UUID agreement, UUID actingFor, int version) {
        return json().body(Map.of("actingFor", actingFor.toString(), "documentVersion", version))
                .post("/api/agreements/" + agreement + "/signatures");
    }

    /** Opened, submitted as version 1 and signed by both sides: ACTIVE. */
    protected UUID activeAgreement(Parties p, Map<String, Object> content) {
        UUID id = open(p, content);
        submit(id, p.department()).then().statusCode(201);
        asSigner();
        sign(id, p.department(), 1).then().statusCode(201);
        asPartner();
        sign(id, p.npo(), 1).then().statusCode(201);
        return id;
    }

    protected JsonNode payloadOf(String type, UUID agreement, Duration timeout) {
        try (KafkaRecords records = KafkaRecords.from(AGREEMENTS_TOPIC)) {
            var record = records.await(r -> KafkaRecords.ofType(type).test(r) && agreement.toString().equals(r.key()),
                    timeout);
            return mapper.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- database ------------------------------------------------------------------------------------------

    protected long count(String sql, Object... parameters) {
        return Database.count(dataSource, sql, parameters);
    }

    protected static void awaitTrue(String what, BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(30), condition);
    }
}
