package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;

/**
 * Everyone knows what is due, on the packaged system: the services publish task facts, notification-service lists
 * them and mails the people they reach through the stack's SMTP server (GreenMail, read through its API), reminds,
 * escalates and collects digests as its (test) clock moves, and loses nothing while the SMTP server is down. Mails are
 * told apart by the test's tag in their subject.
 */
@ExtendWith(SystemUnderTest.class)
class NotificationsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final List<String> PEOPLE = List.of("admin1", "staff1", "signer1", "coordinator1", "reviewer1",
            "reviewer2", "analyst1", "partner1", "partner2", "citizen1");

    @AfterEach
    void clockBackToNow() throws Exception {
        moveClock("{\"reset\":true}");
    }

    @Test
    void signaturesReachExactlyThePeopleWhoMaySignAndLeaveTheirListsOnceSigned() {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("通知試験の協定");
        steps.awaitSignatoriesKnown(agreement);
        CollaborationSteps.Frozen frozen = steps.submitForSignature(agreement);

        Map<String, List<String>> mails = awaitMails(steps.tag, Map.of("signer1", 1, "partner1", 1));
        startsWith(mails.get("signer1").get(0), "【協働】ご対応のお願い：協定「通知試験の協定 " + steps.tag + "」第1版に");
        for (String user : List.of("signer1", "partner1")) {
            Eventually.until(user + " sees the signature task", Eventually.CROSS_SERVICE,
                    () -> tasksOf(user, steps.tag).size() == 1);
        }
        assertEquals(List.of(), tasksOf("staff1", steps.tag), "staff who may not sign");
        assertEquals(List.of(), tasksOf("partner2", steps.tag));

        steps.signByBoth(agreement, frozen);
        for (String user : List.of("signer1", "partner1")) {
            Eventually.until(user + "'s signature task is done", Eventually.CROSS_SERVICE,
                    () -> tasksOf(user, steps.tag).isEmpty());
        }
        // The agreement in force is told to the members of both parties: staff1, signer1 and partner1.
        mails = awaitMails(steps.tag, Map.of("signer1", 2, "partner1", 2, "staff1", 1));
        assertEquals(List.of("【協働】お知らせ：協定「通知試験の協定 " + steps.tag + "」が締結されました"), mails.get("staff1"));
        for (String body : bodies(steps.tag)) {
            assertTrue(!body.contains("@kyodo.example") && !body.contains("score"), body);
        }
    }

    @Test
    void movedTimeBringsRemindersOverdueNoticesAnEscalationAndADigestAndOffSendsNothing() throws Exception {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("期限試験の協定");
        steps.awaitSignatoriesKnown(agreement);
        preferences("signer1", Map.of("REMINDER", "DAILY_DIGEST"));
        preferences("partner1", Map.of("OVERDUE", "OFF"));
        try {
            steps.submitForSignature(agreement);
            awaitMails(steps.tag, Map.of("signer1", 1, "partner1", 1));
            LocalDate due = LocalDate.parse(Gateway.as("staff1").get("/api/agreements/" + agreement).then()
                    .statusCode(200).extract().path("signaturesDueOn"));

            moveClockTo(due.minusDays(3), LocalTime.of(8, 0));
            Map<String, List<String>> mails = awaitMails(steps.tag, Map.of("signer1", 1, "partner1", 2));
            assertEquals(List.of(), digestsOf("signer1", steps.tag), "the digest waits for its hour");
            startsWith(mails.get("partner1").get(1), "【協働・リマインド】期限が近づいています");

            // The digest's subject names the day, not the task: it is found by its body.
            moveClockTo(due.minusDays(3), LocalTime.of(8, 31));
            Eventually.until("signer1's digest holds the reminder", Eventually.CROSS_SERVICE,
                    () -> digestsOf("signer1", steps.tag).size() == 1);
            assertTrue(digestsOf("signer1", steps.tag).get(0).contains("期限が近づいています"));

            moveClockTo(due.plusDays(1), LocalTime.of(7, 0));
            mails = awaitMails(steps.tag, Map.of("signer1", 2, "partner1", 2));
            startsWith(mails.get("signer1").get(1), "【協働・期限超過】");

            // Both parties' signatures are overdue: the department's signatory is told of each.
            moveClockTo(due.plusDays(7), LocalTime.of(7, 0));
            mails = awaitMails(steps.tag, Map.of("signer1", 4, "partner1", 2));
            startsWith(mails.get("signer1").get(2), "【協働・要確認】期限を過ぎた案件のご確認のお願い");
            startsWith(mails.get("signer1").get(3), "【協働・要確認】期限を過ぎた案件のご確認のお願い");
            assertEquals(1, digestsOf("signer1", steps.tag).size());
            JsonNode inbox = json(Gateway.as("partner1").queryParam("limit", 100).get("/api/notifications/me/inbox").then()
                    .statusCode(200).extract().asString());
            List<String> kinds = new ArrayList<>();
            inbox.path("items").forEach(n -> {
                if (n.path("title").path("ja").asText().contains(steps.tag)) {
                    kinds.add(n.path("kind").asText());
                }
            });
            assertTrue(kinds.contains("OVERDUE"), "OFF sends no mail, but the inbox has it: " + kinds);
        } finally {
            preferences("signer1", Map.of("REMINDER", "IMMEDIATELY"));
            preferences("partner1", Map.of("OVERDUE", "IMMEDIATELY"));
        }
    }

    @Test
    void whileTheSmtpServerIsDownNothingIsLostAndEachMailIsSentOnceAfter() throws Exception {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("停止試験の協定");
        steps.awaitSignatoriesKnown(agreement);
        Stack stack = SystemUnderTest.stack();
        stack.stop(Stack.SMTP);
        try {
            steps.submitForSignature(agreement);
            Eventually.until("the task is listed while no mail can go out", Eventually.CROSS_SERVICE,
                    () -> tasksOf("partner1", steps.tag).size() == 1);
            Thread.sleep(3000);
        } finally {
            stack.start(Stack.SMTP);
        }
        awaitMails(steps.tag, Map.of("signer1", 1, "partner1", 1));
        Thread.sleep(3000);
        assertEquals(new TreeMap<>(Map.of("signer1", 1, "partner1", 1)), mailsTagged(steps.tag));
    }

    @Test
    void badInputIsAProblemAndAnotherPersonsNotificationDoesNotExist() {
        CollaborationSteps steps = CollaborationSteps.parties();
        UUID agreement = steps.openAgreement("入力試験の協定");
        steps.awaitSignatoriesKnown(agreement);
        steps.submitForSignature(agreement);
        Gateway.as("partner1").header("If-Match", "*").body(Map.of("language", "ja", "deliveries",
                Map.of("REMINDER", "WEEKLY"))).put("/api/notifications/me/preferences").then().statusCode(400)
                .contentType("application/problem+json");
        String etag = Gateway.as("partner1").get("/api/notifications/me/preferences").then().statusCode(200).extract()
                .header("ETag");
        Gateway.as("partner1").header("If-Match", "\"999\"").body(Map.of("language", "ja", "deliveries", Map.of()))
                .put("/api/notifications/me/preferences").then().statusCode(412).contentType("application/problem+json");
        Gateway.as("partner1").header("If-Match", etag).body(Map.of("language", "ja", "deliveries", Map.of()))
                .put("/api/notifications/me/preferences").then().statusCode(200);
        String someone = Eventually.await("partner1 has a notification", Eventually.CROSS_SERVICE, () -> {
            List<String> ids = Gateway.as("partner1").get("/api/notifications/me/inbox").then().extract().jsonPath()
                    .getList("items.id");
            return ids == null || ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(0));
        });
        Gateway.as("partner2").get("/api/notifications/me/inbox/" + someone).then().statusCode(404)
                .contentType("application/problem+json");
        Gateway.as("partner2").header("If-Match", "*").post("/api/notifications/me/inbox/" + someone + "/read").then()
                .statusCode(404).body("status", equalTo(404));
        Gateway.as("partner1").header("If-Match", "\"999\"").post("/api/notifications/me/inbox/" + someone + "/read")
                .then().statusCode(412);
        Gateway.as("partner1").queryParam("state", "SOMETIME").get("/api/notifications/me/tasks").then().statusCode(400);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static void startsWith(String actual, String prefix) {
        assertTrue(actual.startsWith(prefix), "\"" + actual + "\" does not start with \"" + prefix + "\"");
    }

    private static List<JsonNode> tasksOf(String user, String tag) {
        JsonNode page = json(Gateway.as(user).queryParam("limit", 100).get("/api/notifications/me/tasks").then()
                .statusCode(200).extract().asString());
        List<JsonNode> mine = new ArrayList<>();
        page.path("items").forEach(t -> {
            if (t.path("title").path("ja").asText().contains(tag)) {
                mine.add(t);
            }
        });
        return mine;
    }

    private static void preferences(String user, Map<String, String> deliveries) {
        Gateway.as(user).header("If-Match", "*").body(Map.of("language", "ja", "deliveries", deliveries))
                .put("/api/notifications/me/preferences").then().statusCode(200);
    }

    /** Waits until exactly these people (and nobody else) got these numbers of mails with the tag; their subjects. */
    private static Map<String, List<String>> awaitMails(String tag, Map<String, Integer> expected) {
        Eventually.await("mails " + expected, Eventually.CROSS_SERVICE, () -> {
            Map<String, Integer> seen = mailsTagged(tag);
            if (!seen.equals(new TreeMap<>(expected))) {
                throw new AssertionError("seen " + seen); // named in the failure
            }
            return java.util.Optional.of(seen);
        });
        Map<String, List<String>> subjects = new TreeMap<>();
        for (String user : expected.keySet()) {
            subjects.put(user, subjectsOf(user, tag));
        }
        return subjects;
    }

    private static Map<String, Integer> mailsTagged(String tag) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String user : PEOPLE) {
            int n = subjectsOf(user, tag).size();
            if (n > 0) {
                counts.put(user, n);
            }
        }
        return counts;
    }

    private static List<String> subjectsOf(String user, String tag) {
        List<String> subjects = new ArrayList<>();
        for (JsonNode message : messages(user)) {
            String subject = decodedSubject(message);
            if (subject.contains(tag)) {
                subjects.add(subject);
            }
        }
        return subjects;
    }

    /** The bodies of the digests the user got that mention the tag. */
    private static List<String> digestsOf(String user, String tag) {
        List<String> digests = new ArrayList<>();
        for (JsonNode message : messages(user)) {
            String raw = message.path("mimeMessage").asText();
            if (decodedSubject(message).startsWith("【協働】本日のお知らせ") && Mails.text(raw).contains(tag)) {
                digests.add(Mails.text(raw));
            }
        }
        return digests;
    }

    private static List<String> bodies(String tag) {
        List<String> bodies = new ArrayList<>();
        for (String user : PEOPLE) {
            for (JsonNode message : messages(user)) {
                if (decodedSubject(message).contains(tag)) {
                    bodies.add(Mails.text(message.path("mimeMessage").asText()));
                }
            }
        }
        return bodies;
    }

    private static String decodedSubject(JsonNode message) {
        return Mails.subject(message.path("mimeMessage").asText());
    }

    /** The messages GreenMail holds for the demo user's address (none when it never received one). */
    private static List<JsonNode> messages(String user) {
        String url = SystemUnderTest.stack().config().smtpApiUrl() + "/api/user/" + user + "@kyodo.example/messages/INBOX";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return List.of();
            }
            List<JsonNode> list = new ArrayList<>();
            json(response.body()).forEach(list::add);
            return list;
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail API: " + e, e);
        }
    }

    private static void moveClockTo(LocalDate day, LocalTime time) throws Exception {
        moveClock("{\"now\":\"" + day.atTime(time).atZone(TOKYO).toInstant() + "\"}");
    }

    private static void moveClock(String change) throws Exception {
        String url = SystemUnderTest.serviceUrl(ServiceSpec.NOTIFICATIONS) + "/test-clock";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(change)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
