package jp.kyodo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.notification.domain.PersonSetting;
import jp.kyodo.notification.service.Addressees;
import jp.kyodo.notification.service.Escalation;
import jp.kyodo.notification.service.People;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskRef;
import jp.kyodo.platform.testing.Await;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

@QuarkusTest
class NotificationsTest extends NotificationTestSupport {

    private static final LocalDate TODAY = LocalDate.of(2027, 6, 7);

    @Inject
    Addressees addressees;

    @Inject
    People people;

    @Test
    void aTaskReachesExactlyThePeopleWhoActForItsAddresseeAndLeavesTheirListWhenDone() {
        setClock(TODAY, LocalTime.of(10, 0));
        String staff1 = person("city-staff");
        String staff2 = person("city-staff");
        String reviewerMember = person("reviewer");
        String outsider = person("city-staff");
        Map<String, MemberRole> members = new LinkedHashMap<>();
        members.put(staff1, MemberRole.STAFF);
        members.put(staff2, MemberRole.SIGNATORY);
        members.put(reviewerMember, MemberRole.MEMBER);
        UUID department = organization(ActorType.CITY_DEPARTMENT, "公園緑地課", members);
        OpenTask sign = task(TaskAddressee.organization(department), "SIGN_AGREEMENT", LocalDate.of(2027, 6, 21),
                department, "みんなで育てる里山公園", List.of());
        awaitInbox(open(sign));

        for (String member : List.of(staff1, staff2)) {
            as(member, "city-staff").get("/api/notifications/me/tasks").then().statusCode(200)
                    .body("items.id", equalTo(List.of(sign.ref().taskId().toString())))
                    .body("items[0].dueOn", equalTo("2027-06-21"))
                    .body("items[0].title.ja", equalTo("協定「みんなで育てる里山公園」に署名する"));
            MimeMessage mail = awaitMails(member, 1).get(0);
            keepHtml(mail, "task-opened");
            assertThat(subjectOf(mail)).isEqualTo("【協働】ご対応のお願い：協定「みんなで育てる里山公園」に署名する（期限：2027年6月21日（月））");
            assertThat(bodyOf(mail)).contains("公園緑地課", "2027年6月21日", "/api/agreements/" + sign.ref().aggregateId())
                    .doesNotContain(address(staff1).equals(address(member)) ? address(staff2) : address(staff1));
        }
        as(reviewerMember, "reviewer").get("/api/notifications/me/tasks").then().body("items", equalTo(List.of()));
        as(outsider, "city-staff").get("/api/notifications/me/tasks").then().body("items", equalTo(List.of()));
        settle();
        assertThat(mailsTo(reviewerMember)).as("a member who cannot act for the department").isEmpty();
        assertThat(mailsTo(outsider)).isEmpty();

        awaitInbox(end(sign.ref(), true));
        as(staff1, "city-staff").get("/api/notifications/me/tasks").then().body("items", equalTo(List.of()));
        as(staff1, "city-staff").queryParam("state", "COMPLETED").get("/api/notifications/me/tasks").then()
                .body("items.id", equalTo(List.of(sign.ref().taskId().toString())));
        settle();
        assertThat(mailsTo(staff1)).hasSize(1);
    }

    @Test
    void theOwnersNarrowingOfWhoMayActIsFollowedAndFiltersWork() {
        setClock(TODAY, LocalTime.of(10, 0));
        String limited = person("city-staff");
        String unlimited = person("city-staff");
        UUID department = organization(ActorType.CITY_DEPARTMENT, "市民協働推進課",
                Map.of(limited, MemberRole.SIGNATORY, unlimited, MemberRole.SIGNATORY));
        OpenTask sign = task(TaskAddressee.organization(department), "SIGN_AGREEMENT", LocalDate.of(2027, 6, 30),
                department, "防災協定", List.of(unlimited));
        OpenTask other = task(TaskAddressee.role(department, "SIGNATORY"), "RECORD_SETTLEMENT", LocalDate.of(2027, 7, 30),
                department, "精算", List.of());
        awaitInbox(open(sign));
        awaitInbox(open(other));
        as(unlimited, "city-staff").get("/api/notifications/me/tasks").then()
                .body("items.action", equalTo(List.of("SIGN_AGREEMENT", "RECORD_SETTLEMENT")));
        as(limited, "city-staff").get("/api/notifications/me/tasks").then()
                .body("items.action", equalTo(List.of("RECORD_SETTLEMENT")));
        as(unlimited, "city-staff").queryParam("dueBefore", "2027-07-01").get("/api/notifications/me/tasks").then()
                .body("items.action", equalTo(List.of("SIGN_AGREEMENT")));
        as(unlimited, "city-staff").queryParam("kind", "RECORD_SETTLEMENT").queryParam("limit", 1)
                .get("/api/notifications/me/tasks").then().body("items.action", equalTo(List.of("RECORD_SETTLEMENT")))
                .body("nextCursor", org.hamcrest.Matchers.nullValue());
        String cursor = as(unlimited, "city-staff").queryParam("limit", 1).get("/api/notifications/me/tasks").then()
                .body("items.action", equalTo(List.of("SIGN_AGREEMENT"))).extract().path("nextCursor");
        as(unlimited, "city-staff").queryParam("limit", 1).queryParam("cursor", cursor).get("/api/notifications/me/tasks")
                .then().body("items.action", equalTo(List.of("RECORD_SETTLEMENT")));
    }

    @Test
    void aTaskForARealmRoleReachesItsHoldersExceptMembersOfTheConflictedOrganisations() {
        setClock(TODAY, LocalTime.of(10, 0));
        String reviewer = person("reviewer");
        String conflicted = person("reviewer");
        String staff = person("city-staff");
        UUID department = organization(ActorType.CITY_DEPARTMENT, "環境政策課", Map.of(staff, MemberRole.SIGNATORY));
        UUID npo = organization(ActorType.CIVIC_GROUP, "NPO法人みずべ", Map.of(conflicted, MemberRole.MEMBER));
        OpenTask assess = new OpenTask(TaskRef.of("evaluation-round", UUID.randomUUID(), "ASSESS_AS_THIRD_PARTY",
                TaskAddressee.realmRole("reviewer")).fiscalYear(2027), LocalDate.of(2027, 6, 28), department,
                "「水辺の再生」の事後評価（2027年度）に第三者評価を付す", "Give the third-party assessment", "/api/evaluations/rounds/x")
                .excluding(List.of(npo, department));
        awaitInbox(open(assess));

        as(reviewer, "reviewer").get("/api/notifications/me/tasks").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(assess.ref().taskId().toString()));
        assertThat(subjectOf(awaitMails(reviewer, 1).get(0))).contains("第三者評価");
        as(conflicted, "reviewer").get("/api/notifications/me/tasks").then()
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(assess.ref().taskId().toString())));
        as(staff, "city-staff").get("/api/notifications/me/tasks").then().body("items", equalTo(List.of()));
        settle();
        assertThat(mailsTo(conflicted)).as("a reviewer belonging to a party").isEmpty();
        assertThat(mailsTo(staff)).isEmpty();
        awaitInbox(end(assess.ref(), true));
        awaitTask(assess.ref().taskId(), "COMPLETED");
    }

    @Test
    void anOverdueTaskIsEscalatedToTheConfiguredRealmRoleInsteadOfTheSignatories() {
        QuarkusMock.installMockForType(new Escalation(addressees, people, Optional.of("collaboration-promotion")),
                Escalation.class);
        LocalDate due = LocalDate.of(2027, 10, 15);
        setClock(due.minusDays(1), LocalTime.of(10, 0));
        String representative = person("partner");
        String signatory = person("city-staff");
        String promoter = person("collaboration-promotion");
        UUID department = organization(ActorType.CITY_DEPARTMENT, "地域振興課", Map.of(signatory, MemberRole.SIGNATORY));
        UUID npo = organization(ActorType.CIVIC_GROUP, "こども食堂ネット", Map.of(representative, MemberRole.REPRESENTATIVE));
        OpenTask report = task(TaskAddressee.organization(npo), "FILE_COST_REPORT", due, department, "こども食堂", List.of());
        awaitInbox(open(report));
        awaitMails(representative, 1);

        setClock(due.plusDays(7), LocalTime.of(7, 0));
        sweep.run();
        Await.until("the 協働推進担当 told", java.time.Duration.ofSeconds(30), () -> mailsTo(promoter).stream()
                .anyMatch(m -> subjectOf(m).startsWith("【協働・要確認】") && bodyOf(m).contains("こども食堂ネット")));
        settle();
        assertThat(mailsTo(signatory)).as("the department's signatory is not asked when a realm role is set").isEmpty();
        awaitInbox(end(report.ref(), true));
    }

    @Test
    void aRedeliveredOrLateFactSendsNoSecondMailAndNeverReopensATask() {
        setClock(TODAY, LocalTime.of(10, 0));
        String representative = person("partner");
        UUID npo = organization(ActorType.CIVIC_GROUP, "NPO法人みどりの森", Map.of(representative, MemberRole.REPRESENTATIVE));
        OpenTask report = task(TaskAddressee.organization(npo), "FILE_COST_REPORT", LocalDate.of(2027, 6, 30), null,
                "実績報告", List.of());
        String first = open(report);
        awaitInbox(first);
        resend(report, first);
        String again = open(report);
        awaitInbox(again);
        awaitMails(representative, 1);
        settle();
        assertThat(mailsTo(representative)).hasSize(1);

        awaitInbox(end(report.ref(), false));
        String late = open(report);
        awaitInbox(late);
        awaitTask(report.ref().taskId(), "CANCELLED");
        as(representative, "partner").get("/api/notifications/me/tasks").then().body("items", equalTo(List.of()));
        settle();
        assertThat(mailsTo(representative)).hasSize(1);

        // Facts are applied a few at a time, so a step done at once can have its end applied before its opening.
        OpenTask quick = task(TaskAddressee.organization(npo), "SIGN_AGREEMENT", LocalDate.of(2027, 6, 30), null,
                "花壇の協働管理", List.of());
        awaitInbox(end(quick.ref(), true));
        awaitInbox(open(quick));
        awaitTask(quick.ref().taskId(), "COMPLETED");
        as(representative, "partner").get("/api/notifications/me/tasks?state=COMPLETED").then()
                .body("items.find { it.id == '" + quick.ref().taskId() + "' }.title.ja",
                        equalTo("協定「花壇の協働管理」に署名する"))
                .body("items.find { it.id == '" + quick.ref().taskId() + "' }.dueOn", equalTo("2027-06-30"));
        settle();
        assertThat(mailsTo(representative)).as("a step done before anyone was told is not announced").hasSize(1);
    }

    @Test
    void remindersOverdueNoticesEscalationsAndDigestsFollowTheClock() {
        LocalDate due = LocalDate.of(2027, 9, 15);
        setClock(due.minusDays(10), LocalTime.of(10, 0));
        String representative = person("partner");
        String quiet = person("partner");
        String digest = person("partner");
        String signatory = person("city-staff");
        UUID department = organization(ActorType.CITY_DEPARTMENT, "公園緑地課", Map.of(signatory, MemberRole.SIGNATORY));
        UUID npo = organization(ActorType.CIVIC_GROUP, "NPO法人あおぞら", Map.of(representative, MemberRole.REPRESENTATIVE,
                quiet, MemberRole.MEMBER, digest, MemberRole.MEMBER));
        as(quiet, "partner").header("If-Match", "*").body(Map.of("language", "ja", "deliveries",
                Map.of("REMINDER", "OFF", "OVERDUE", "OFF", "TASK_OPENED", "OFF"))).put("/api/notifications/me/preferences")
                .then().statusCode(200).body("deliveries.REMINDER", equalTo("OFF"));
        assertThat(count("select count(*) from kyodo_audit_entry where aggregate_type = 'NotificationPreferences'"
                + " and aggregate_id = ? and actor = ? and details ->> 'REMINDER' = 'OFF' and details ->> 'language' = 'ja'",
                PersonSetting.auditIdOf(quiet), quiet)).isEqualTo(1);
        as(digest, "partner").header("If-Match", "*").body(Map.of("language", "en", "deliveries",
                Map.of("TASK_OPENED", "DAILY_DIGEST", "REMINDER", "DAILY_DIGEST", "OVERDUE", "DAILY_DIGEST")))
                .put("/api/notifications/me/preferences").then().statusCode(200);
        OpenTask assess = task(TaskAddressee.organization(npo), "SUBMIT_SELF_ASSESSMENT", due, department, "里山の評価",
                List.of());
        awaitInbox(open(assess));
        awaitMails(representative, 1);

        setClock(due.minusDays(3), LocalTime.of(7, 0));
        sweep.run();
        assertThat(subjectOf(awaitMails(representative, 2).get(1))).startsWith("【協働・リマインド】期限が近づいています");
        setClock(due.plusDays(1), LocalTime.of(7, 0));
        sweep.run();
        assertThat(subjectOf(awaitMails(representative, 3).get(2))).startsWith("【協働・期限超過】");
        setClock(due.plusDays(7), LocalTime.of(7, 0));
        sweep.run();
        sweep.run();
        MimeMessage escalation = awaitMails(signatory, 1).get(0);
        assertThat(subjectOf(escalation)).startsWith("【協働・要確認】期限を過ぎた案件のご確認のお願い");
        assertThat(bodyOf(escalation)).contains("NPO法人あおぞら").doesNotContain(address(representative));

        assertThat(mailsTo(digest)).as("digest time not reached").isEmpty();
        setClock(due.plusDays(7), LocalTime.of(8, 31));
        sweep.run();
        sweep.run();
        List<MimeMessage> digests = awaitMails(digest, 1);
        keepHtml(digests.get(0), "digest-en");
        keepHtml(escalation, "escalation");
        assertThat(subjectOf(digests.get(0))).startsWith("[kyodo] Your daily digest: 3 notices");
        assertThat(bodyOf(digests.get(0))).contains("Sign the agreement “里山の評価”", "Due soon", "Overdue");

        settle();
        assertThat(mailsTo(quiet)).as("off sends nothing").isEmpty();
        assertThat(mailsTo(representative)).hasSize(3);
        assertThat(mailsTo(digest)).hasSize(1);
        JsonPath inbox = as(quiet, "partner").get("/api/notifications/me/inbox").then().statusCode(200).extract().jsonPath();
        assertThat(inbox.getList("items.kind")).containsExactlyInAnyOrder("TASK_OPENED", "REMINDER", "OVERDUE");
    }

    @Test
    void whileTheSmtpServerIsDownNothingIsLostAndEachMailIsSentOnceAfter() {
        setClock(TODAY, LocalTime.of(10, 0));
        String representative = person("partner");
        UUID npo = organization(ActorType.CIVIC_GROUP, "里山の会", Map.of(representative, MemberRole.REPRESENTATIVE));
        GreenMailServer.stopServer();
        try {
            OpenTask task = task(TaskAddressee.organization(npo), "FILE_COST_REPORT", LocalDate.of(2027, 6, 30), null,
                    "実績報告", List.of());
            awaitInbox(open(task));
            jp.kyodo.platform.testing.Await.until("a failed attempt recorded", java.time.Duration.ofSeconds(30),
                    () -> count("select count(*) from outgoing_mail where recipient = ? and state = 'PENDING'"
                            + " and attempts > 0 and last_error is not null", representative) == 1);
        } finally {
            GreenMailServer.startServer();
        }
        awaitMails(representative, 1);
        settle();
        assertThat(mailsTo(representative)).hasSize(1);
        assertThat(count("select count(*) from outgoing_mail where recipient = ? and state = 'SENT'", representative))
                .isEqualTo(1);
    }

    @Test
    void badInputAndOtherPeoplesNotificationsAreProblems() {
        setClock(TODAY, LocalTime.of(10, 0));
        String owner = person("partner");
        String stranger = person("partner");
        UUID npo = organization(ActorType.CIVIC_GROUP, "団体A", Map.of(owner, MemberRole.REPRESENTATIVE));
        awaitInbox(open(task(TaskAddressee.organization(npo), "FILE_COST_REPORT", LocalDate.of(2027, 6, 30), null, "報告",
                List.of())));
        Response inbox = as(owner, "partner").get("/api/notifications/me/inbox");
        jp.kyodo.platform.testing.Await.until("the notification", java.time.Duration.ofSeconds(30),
                () -> as(owner, "partner").get("/api/notifications/me/inbox").path("items.size()").equals(1));
        inbox = as(owner, "partner").get("/api/notifications/me/inbox");
        String id = inbox.path("items[0].id");
        String etag = inbox.header("ETag");

        as(stranger, "partner").header("If-Match", "*").post("/api/notifications/me/inbox/" + id + "/read").then()
                .statusCode(404).contentType("application/problem+json");
        as(stranger, "partner").get("/api/notifications/me/inbox/" + id).then().statusCode(404);
        as(owner, "partner").post("/api/notifications/me/inbox/" + id + "/read").then().statusCode(428);
        as(owner, "partner").header("If-Match", "\"7\"").post("/api/notifications/me/inbox/" + id + "/read").then()
                .statusCode(412).contentType("application/problem+json");
        String itemTag = as(owner, "partner").get("/api/notifications/me/inbox/" + id).header("ETag");
        as(owner, "partner").header("If-Match", itemTag).post("/api/notifications/me/inbox/" + id + "/read").then()
                .statusCode(200).body("read", equalTo(true));
        assertThat(audited("Notification", UUID.fromString(id), "read", owner)).isEqualTo(1);
        as(owner, "partner").header("If-Match", "\"0\"").post("/api/notifications/me/inbox/read-all").then().statusCode(412);
        as(owner, "partner").header("If-Match", etag).post("/api/notifications/me/inbox/read-all").then().statusCode(200)
                .body("marked", equalTo(0));
        assertThat(audited("Inbox", PersonSetting.auditIdOf(owner), "all-read", owner)).isEqualTo(1);
        assertThat(audited("NotificationPreferences", PersonSetting.auditIdOf(owner), "preferences-changed", owner))
                .as("refused changes leave no trace").isZero();

        as(owner, "partner").header("If-Match", "*").body(Map.of("language", "ja", "deliveries", Map.of("REMINDER", "WEEKLY")))
                .put("/api/notifications/me/preferences").then().statusCode(400).contentType("application/problem+json");
        as(owner, "partner").header("If-Match", "*").body(Map.of("language", "fr", "deliveries", Map.of()))
                .put("/api/notifications/me/preferences").then().statusCode(400);
        as(owner, "partner").body(Map.of("language", "ja", "deliveries", Map.of()))
                .put("/api/notifications/me/preferences").then().statusCode(428);
        as(owner, "partner").queryParam("state", "DONE").get("/api/notifications/me/tasks").then().statusCode(400)
                .contentType("application/problem+json");
        as(owner, "partner").queryParam("dueBefore", "tomorrow").get("/api/notifications/me/tasks").then().statusCode(400);
        as(owner, "partner").queryParam("kind", "sign").get("/api/notifications/me/tasks").then().statusCode(400);
        io.restassured.RestAssured.given().get("/api/notifications/me/tasks").then().statusCode(401);
    }

    @Test
    void theCalendarFeedIsValidICalendarBehindARotatableSecret() throws Exception {
        setClock(TODAY, LocalTime.of(10, 0));
        String representative = person("partner");
        UUID npo = organization(ActorType.CIVIC_GROUP, "NPO法人 かわ,の;会", Map.of(representative, MemberRole.REPRESENTATIVE));
        OpenTask task = task(TaskAddressee.organization(npo), "FILE_COST_REPORT", LocalDate.of(2027, 7, 1), null,
                "とても長い名前の協働事業：地域の子どもたちと高齢者がともに公園を育て、見守り、記録する三か年の取り組み, その2", List.of());
        awaitInbox(open(task));
        String tag = as(representative, "partner").get("/api/notifications/me/calendar-feed").then().statusCode(200)
                .body("active", equalTo(false)).extract().header("ETag");
        String url = as(representative, "partner").header("If-Match", tag)
                .post("/api/notifications/me/calendar-feed/rotation").then().statusCode(200).extract().path("url");
        String path = url.substring(url.indexOf("/api/"));
        String ics = io.restassured.RestAssured.given().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/calendar")).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(task.ref().taskId() + "@kyodo");
        assertThat(event.getSummary().orElseThrow().getValue()).isEqualTo(task.titleJa());
        assertThat(event.getDateTimeStart().orElseThrow().getValue()).isEqualTo("20270701");

        as(representative, "partner").header("If-Match", "*").post("/api/notifications/me/calendar-feed/rotation").then()
                .statusCode(200);
        io.restassured.RestAssured.given().get(path).then().statusCode(404);
        String secret = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        assertThat(audited("CalendarFeed", PersonSetting.auditIdOf(representative), "calendar-feed-rotated", representative))
                .isEqualTo(2);
        assertThat(count("select count(*) from kyodo_audit_entry where details::text like ?", "%" + secret + "%"))
                .as("the trail never holds the address").isZero();
    }

    /** How many audit entries of this kind the person left on the record. */
    private long audited(String aggregateType, UUID aggregateId, String action, String actor) {
        return count("select count(*) from kyodo_audit_entry where aggregate_type = ? and aggregate_id = ? and action = ?"
                + " and actor = ?", aggregateType, aggregateId, action, actor);
    }
}
