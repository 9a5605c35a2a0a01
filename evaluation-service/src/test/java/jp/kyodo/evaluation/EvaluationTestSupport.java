package jp.kyodo.evaluation;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
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
import jp.kyodo.evaluation.domain.EvaluationItem;
import jp.kyodo.platform.testing.TestCallerHeaders;
import jp.kyodo.platform.testing.Await;
import jp.kyodo.platform.testing.Database;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.PostgresAndKafka;

/**
 * Real PostgreSQL and Kafka for every test of the module (one Quarkus boot). Organisations and agreements arrive as
 * they do in production: as CloudEvents on kyodo.directory.v1 and kyodo.agreements.v1.
 */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_evaluations"))
public abstract class EvaluationTestSupport {

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

    public static final String AGREEMENTS_TOPIC = "kyodo.agreements.v1";
    public static final String EVALUATIONS_TOPIC = "kyodo.evaluations.v1";

    /** Each collaboration gets fiscal years of its own, so statistics filtered by year see only that test's rounds. */
    private static final AtomicInteger NEXT_FISCAL_YEAR = new AtomicInteger(2101);

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

    protected static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON);
    }

    // ---- directory ------------------------------------------------------------------------------------------

    protected UUID organization(ActorType type, Map<String, MemberRole> members) {
        UUID id = UUID.randomUUID();
        List<OrganizationSnapshot.Member> list = new ArrayList<>();
        members.forEach((subject, role) -> list.add(new OrganizationSnapshot.Member(subject, role, null)));
        OrganizationSnapshot snapshot = new OrganizationSnapshot(id, 1, "団体" + id.toString().substring(0, 6), "ダンタイ",
                type, OrganizationStatus.VERIFIED, null, List.of("ENVIRONMENT"), list, null, null);
        send(OrganizationSnapshot.TOPIC, "jp.kyodo.organization.registered.v1", id, 1, snapshot,
                UUID.randomUUID().toString(), "/kyodo/directory-service");
        awaitTrue("the read model knows " + id, Duration.ofSeconds(30),
                () -> count("select count(*) from directory_organization where id = ?", id) == 1);
        return id;
    }

    protected UUID department(String... staff) {
        Map<String, MemberRole> members = new LinkedHashMap<>();
        for (String s : staff) {
            members.put(s, MemberRole.STAFF);
        }
        return organization(ActorType.CITY_DEPARTMENT, members);
    }

    protected UUID npo(String... representatives) {
        Map<String, MemberRole> members = new LinkedHashMap<>();
        for (String s : representatives) {
            members.put(s, MemberRole.REPRESENTATIVE);
        }
        return organization(ActorType.CIVIC_GROUP, members);
    }

    // ---- agreements -----------------------------------------------------------------------------------------

    /** The parties, targets and ids of one active agreement and its plan. */
    protected record Collaboration(UUID agreementId, UUID department, UUID partner, List<UUID> indicators,
            List<UUID> goals, int fiscalYear, List<Map<String, Object>> parties, String field) {

    }

    protected static int nextFiscalYear() {
        return NEXT_FISCAL_YEAR.getAndIncrement();
    }

    protected Collaboration collaboration(String field) {
        return collaboration(field, nextFiscalYear());
    }

    protected Collaboration collaboration(String field, int year) {
        UUID department = department(STAFF1);
        UUID partner = npo(PARTNER1);
        List<Map<String, Object>> parties = List.of(
                party(department, "CITY_DEPARTMENT", "環境政策課"), party(partner, "CIVIC_GROUP", "NPO法人みどりの会"));
        return new Collaboration(UUID.randomUUID(), department, partner, List.of(UUID.randomUUID(), UUID.randomUUID()),
                List.of(UUID.randomUUID()), year, parties, field);
    }

    protected static Map<String, Object> party(UUID id, String type, String name) {
        return Map.of("organizationId", id, "actorType", type, "name", name);
    }

    protected Map<String, Object> agreementPayload(Collaboration c, long version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agreementId", c.agreementId());
        p.put("version", version);
        p.put("proposalId", UUID.randomUUID());
        p.put("title", "市民公園の協働管理");
        p.put("field", c.field());
        p.put("collaborationForm", "AGREEMENT");
        p.put("activityArea", "C");
        p.put("documentVersion", 1);
        p.put("fiscalYears", List.of(c.fiscalYear()));
        p.put("term", Map.of("start", c.fiscalYear() + "-04-01", "end", (c.fiscalYear() + 1) + "-03-31"));
        p.put("parties", c.parties());
        p.put("targets", Map.of(
                "indicators", List.of(
                        Map.of("indicatorId", c.indicators().get(0), "name", "清掃活動の回数", "unit", "回", "targetValue", 12),
                        Map.of("indicatorId", c.indicators().get(1), "name", "参加者数", "unit", "人", "targetValue", 200)),
                "outcomeGoals", List.of(Map.of("goalId", c.goals().get(0), "description", "公園が地域の居場所になる")),
                "satisfactionTarget", Map.of("targetPercent", 80, "method", "利用者アンケート")));
        return p;
    }

    protected void sendAgreementEvent(String name, Collaboration c, long version, Map<String, Object> payload,
            String eventId) {
        send(AGREEMENTS_TOPIC, "jp.kyodo." + name + ".v1", c.agreementId(), version, payload, eventId,
                "/kyodo/agreement-service");
    }

    /** An agreement activated through its event; returns the plan id once the plan exists. */
    protected String activate(Collaboration c) {
        sendAgreementEvent("agreement.activated", c, 5, agreementPayload(c, 5), UUID.randomUUID().toString());
        return awaitPlan(c);
    }

    protected String awaitPlan(Collaboration c) {
        awaitTrue("a plan for agreement " + c.agreementId(), Duration.ofSeconds(30),
                () -> count("select count(*) from evaluation_plan where agreement_id = ?", c.agreementId()) == 1);
        return text("select id::text from evaluation_plan where agreement_id = ?", c.agreementId());
    }

    // ---- rounds ---------------------------------------------------------------------------------------------

    protected String openInterim(Collaboration c, String planId) {
        return staff(STAFF1).body(Map.of("kind", "INTERIM", "fiscalYear", c.fiscalYear(), "actingFor", c.department()))
                .post("/api/evaluations/" + planId + "/rounds").then().statusCode(201).extract().path("id");
    }

    /** A complete self-assessment: every item scored 3 unless overridden, indicators with actual values. */
    protected Map<String, Object> assessment(Collaboration c, Map<EvaluationItem, Integer> overrides) {
        Map<EvaluationItem, Integer> scores = new EnumMap<>(EvaluationItem.class);
        scores.putAll(overrides);
        List<Map<String, Object>> project = new ArrayList<>();
        List<Map<String, Object>> collaboration = new ArrayList<>();
        for (EvaluationItem item : EvaluationItem.values()) {
            int score = scores.getOrDefault(item, 3);
            List<Map<String, Object>> track = item.track() == jp.kyodo.evaluation.domain.Track.PROJECT ? project
                    : collaboration;
            switch (item.target()) {
                case INDICATOR -> {
                    track.add(line(item, score, Map.of("indicatorId", c.indicators().get(0), "actualValue", 15)));
                    track.add(line(item, score, Map.of("indicatorId", c.indicators().get(1), "actualValue", 150)));
                }
                case GOAL -> track.add(line(item, score, Map.of("goalId", c.goals().get(0))));
                case NONE -> track.add(line(item, score, Map.of()));
            }
        }
        return new LinkedHashMap<>(Map.of("project", project, "collaboration", collaboration));
    }

    private static Map<String, Object> line(EvaluationItem item, int score, Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>(extra);
        line.put("item", item.name());
        line.put("score", score);
        if (score <= 2) {
            line.put("reason", "想定より参加が少なかった");
        }
        return line;
    }

    protected Response submitAs(RequestSpecification who, String roundId, UUID organizationId, Object body) {
        return who.body(body).put("/api/evaluations/rounds/" + roundId + "/self-assessments/" + organizationId);
    }

    /** A round of a fresh collaboration in which both parties submitted (the partner rating synergy 5, the city 3). */
    protected Reviewed reviewedRound(String field) {
        return reviewedRound(collaboration(field));
    }

    protected Reviewed reviewedRound(Collaboration c) {
        String planId = activate(c);
        String roundId = openInterim(c, planId);
        submitAs(partner(PARTNER1), roundId, c.partner(), assessment(c, Map.of(EvaluationItem.COLLABORATION_SYNERGY, 5)))
                .then().statusCode(201);
        submitAs(staff(STAFF1), roundId, c.department(), assessment(c, Map.of())).then().statusCode(201);
        return new Reviewed(c, planId, roundId);
    }

    protected record Reviewed(Collaboration c, String planId, String roundId) {
    }

    protected String etagOf(String roundId, RequestSpecification who) {
        return who.get("/api/evaluations/rounds/" + roundId).then().statusCode(200).extract().header("ETag");
    }

    protected void closeRound(Reviewed r) {
        partner(PARTNER1).body(Map.of("actingFor", r.c().partner(), "finding", "相乗効果の評価に差がある",
                "improvement", "月例の振り返りを設ける", "item", "COLLABORATION_SYNERGY"))
                .post("/api/evaluations/rounds/" + r.roundId() + "/findings").then().statusCode(201);
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post("/api/evaluations/rounds/" + r.roundId() + "/closing").then().statusCode(200);
    }

    protected void publishRound(Reviewed r) {
        staff(STAFF1).header("If-Match", etagOf(r.roundId(), staff(STAFF1))).body(Map.of("actingFor", r.c().department()))
                .post("/api/evaluations/rounds/" + r.roundId() + "/publication").then().statusCode(200);
    }

    // ---- events and infrastructure ----------------------------------------------------------------------------

    protected JsonNode awaitEvent(KafkaRecords records, String type, String subject) {
        ConsumerRecord<String, byte[]> record = records.await(
                r -> type.equals(KafkaRecords.header(r, "ce_type")) && subject.equals(KafkaRecords.header(r, "ce_subject")),
                Duration.ofSeconds(20));
        try {
            return mapper.readTree(record.value());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void send(String topic, String type, UUID subject, long version, Object payload, String eventId,
            String source) {
        try {
            KafkaRecords.sendCloudEvent(topic, type, source, subject.toString(), version, eventId,
                    mapper.writeValueAsBytes(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected long count(String sql, Object... parameters) {
        return Database.count(dataSource, sql, parameters);
    }

    protected String text(String sql, Object... parameters) {
        return Database.text(dataSource, sql, parameters);
    }

    protected static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
        Await.until(what, timeout, condition);
    }
}
