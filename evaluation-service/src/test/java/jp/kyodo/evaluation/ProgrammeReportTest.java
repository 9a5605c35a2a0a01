package jp.kyodo.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;

/**
 * The programme report from consumed events: proposals, the desk's consultations, agreements with their money,
 * settlements and public comments of one fiscal year, as JSON, CSV and HTML, with small cells hidden.
 */
@QuarkusTest
class ProgrammeReportTest extends EvaluationTestSupport {

    static final String PROPOSALS = "kyodo.proposals.v1";
    static final String PROPOSAL_SERVICE = "/kyodo/proposal-service";

    @Test
    void theReportCountsWhatTheEventsAnnouncedPerFiscalYear() {
        int year = nextFiscalYear();
        UUID department = department(STAFF1);
        UUID npo = organization(ActorType.CIVIC_GROUP, Map.of(PARTNER1, MemberRole.REPRESENTATIVE));
        Instant submitted = Instant.now().minus(40, ChronoUnit.DAYS);
        UUID adopted = proposal(year, "CITY_INITIATED", "WELFARE", department, npo, submitted);
        UUID adopted2 = proposal(year, "CITIZEN_INITIATED", "WELFARE", department, npo, submitted);
        UUID rejected = proposal(year, "CITIZEN_INITIATED", "ENVIRONMENT", department, npo, submitted);
        proposal(year, "CITIZEN_INITIATED", "ENVIRONMENT", department, npo, submitted);
        decide(adopted, "adopted", year, submitted.plus(10, ChronoUnit.DAYS));
        decide(adopted2, "adopted", year, submitted.plus(20, ChronoUnit.DAYS));
        decide(rejected, "not-adopted", year, submitted.plus(30, ChronoUnit.DAYS));
        for (String channel : List.of("COUNTER", "COUNTER", "COUNTER", "PHONE")) {
            UUID intake = UUID.randomUUID();
            send(PROPOSALS, "jp.kyodo.intake.recorded.v1", intake, 0, Map.of("intakeId", intake, "version", 0,
                    "fiscalYear", year, "channel", channel, "status", "OPEN"), UUID.randomUUID().toString(),
                    PROPOSAL_SERVICE);
        }
        UUID period = UUID.randomUUID();
        send(PROPOSALS, "jp.kyodo.public-comment.opened.v1", period, 0, Map.of("periodId", period, "version", 0,
                "fiscalYear", year, "subjectKind", "GUIDELINE"), UUID.randomUUID().toString(), PROPOSAL_SERVICE);
        for (int n = 1; n <= 2; n++) {
            send(PROPOSALS, "jp.kyodo.public-comment.comment-received.v1", period, n, Map.of("periodId", period,
                    "version", n, "fiscalYear", year, "receiptNumber", n), UUID.randomUUID().toString(), PROPOSAL_SERVICE);
        }
        send(PROPOSALS, "jp.kyodo.public-comment.result-published.v1", period, 3, Map.of("periodId", period,
                "version", 3, "fiscalYear", year, "commentCount", 2, "status", "RESULT_PUBLISHED"),
                UUID.randomUUID().toString(), PROPOSAL_SERVICE);

        Collaboration c = collaboration("WELFARE", year);
        Map<String, Object> activated = agreementPayload(c, 5);
        activated.put("proposalId", adopted);
        activated.put("collaborationForm", "JOINT_FUNDING");
        activated.put("costs", Map.of("totalYen", 1_500_000, "cityShareYen", 1_000_000, "partnerShareYen", 500_000,
                "byFiscalYear", List.of(Map.of("fiscalYear", year, "cityShareYen", 1_000_000, "partnerShareYen", 500_000))));
        sendAgreementEvent("agreement.activated", c, 5, activated, UUID.randomUUID().toString());
        sendAgreementEvent("agreement.settlement-recorded", c, 6, Map.of("agreementId", c.agreementId(), "version", 6,
                "organizationId", c.partner(), "fiscalYear", year, "confirmedAmountYen", 950_000, "toReturnYen", 50_000),
                UUID.randomUUID().toString());

        awaitTrue("the read model holds the year's facts", Duration.ofSeconds(30), () -> count(
                "select count(*) from programme_settlement where fiscal_year = ?", year) == 1
                && count("select count(*) from programme_comment_period where result_published") >= 1
                && count("select count(*) from programme_intake where fiscal_year = ?", year) == 4
                && count("select count(*) from programme_proposal where fiscal_year = ? and status <> 'SUBMITTED'",
                        year) == 3);

        JsonPath report = anonymous().queryParam("fiscalYear", year).get("/api/evaluations/programme-report").then()
                .statusCode(200).header("X-License", "CC-BY-4.0").body("years.size()", equalTo(3))
                .extract().jsonPath();
        String y = "years[2].";
        assertThat(report.getInt(y + "fiscalYear")).isEqualTo(year);
        assertThat(report.getInt(y + "consultations.received")).isEqualTo(4);
        assertThat(report.getInt(y + "consultations.byChannel.find { it.key == 'COUNTER' }.count")).isEqualTo(3);
        assertThat(report.getBoolean(y + "consultations.byChannel.find { it.key == 'PHONE' }.hidden")).isTrue();
        assertThat(report.getString(y + "consultations.byChannel.find { it.key == 'PHONE' }.count")).isNull();
        assertThat(report.getInt(y + "proposals.received")).isEqualTo(4);
        assertThat(report.getInt(y + "proposals.adopted")).isEqualTo(2);
        assertThat(report.getInt(y + "proposals.notAdopted")).isEqualTo(1);
        assertThat(report.getInt(y + "proposals.byOrigin.find { it.key == 'CITIZEN_INITIATED' }.received")).isEqualTo(3);
        assertThat(report.getInt(y + "proposals.byActorType.find { it.key == 'CIVIC_GROUP' }.adopted")).isEqualTo(2);
        assertThat(report.getInt(y + "durations.submissionToDecision.cases")).isEqualTo(3);
        assertThat(report.getFloat(y + "durations.submissionToDecision.medianDays")).isEqualTo(20.0f);
        assertThat(report.getBoolean(y + "durations.adoptionToAgreement.hidden")).isTrue();
        assertThat(report.getLong(y + "money.byForm.find { it.form == 'JOINT_FUNDING' }.cityShareYen")).isEqualTo(1_000_000);
        assertThat(report.getLong(y + "money.byForm.find { it.form == 'JOINT_FUNDING' }.settledYen")).isEqualTo(950_000);
        assertThat(report.getLong(y + "money.byForm.find { it.form == 'JOINT_FUNDING' }.returnedYen")).isEqualTo(50_000);
        assertThat(report.getInt(y + "publicComments.periods")).isEqualTo(1);
        assertThat(report.getInt(y + "publicComments.commentsReceived")).isEqualTo(2);
        assertThat(report.getInt(y + "publicComments.resultsPublished")).isEqualTo(1);
        assertThat(report.getBoolean(y + "evaluations.tracks[0].hidden")).isTrue();

        byte[] csv = anonymous().queryParam("fiscalYear", year).header("Accept", "text/csv")
                .get("/api/evaluations/programme-report").then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).header("X-License", "CC-BY-4.0").extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFfiscalYear,section,dimension,key,measure,value,hidden\r\n");
        assertThat(text).contains(year + ",money,form,JOINT_FUNDING,cityShareYen,1000000,false");
        assertThat(text).contains(year + ",consultations,channel,PHONE,count,,true");

        anonymous().queryParam("fiscalYear", year).header("Accept", "text/html").get("/api/evaluations/programme-report")
                .then().statusCode(200).header("Content-Type", startsWith("text/html"))
                .body(containsString("協働推進の年次報告")).body(containsString("<svg"))
                .body(containsString("協働負担金")).body(containsString("1,000,000 円"));
        for (String notAYear : new String[] { "x", "1999" }) {
            anonymous().queryParam("fiscalYear", notAYear).get("/api/evaluations/programme-report").then()
                    .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("fiscalYear"));
        }
        anonymous().queryParam("format", "pdf").get("/api/evaluations/programme-report").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("format"));
    }

    private UUID proposal(int year, String origin, String field, UUID department, UUID npo, Instant submittedAt) {
        UUID id = UUID.randomUUID();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("proposalId", id);
        p.put("version", 1);
        p.put("fiscalYear", year);
        p.put("origin", origin);
        p.put("field", field);
        p.put("collaborationForm", "JOINT_FUNDING");
        p.put("proposingOrganizationIds", List.of(npo));
        p.put("departmentId", department);
        p.put("submittedAt", submittedAt.toString());
        send(PROPOSALS, "jp.kyodo.proposal.submitted.v1", id, 1, p, UUID.randomUUID().toString(), PROPOSAL_SERVICE);
        return id;
    }

    private void decide(UUID id, String outcome, int year, Instant at) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("proposalId", id);
        p.put("version", 5);
        p.put("fiscalYear", year);
        if (outcome.equals("adopted")) {
            p.put("decidedAt", at.toString());
        } else {
            p.put("closedAt", at.toString());
        }
        send(PROPOSALS, "jp.kyodo.proposal." + outcome + ".v1", id, 5, p, UUID.randomUUID().toString(), PROPOSAL_SERVICE);
    }
}
