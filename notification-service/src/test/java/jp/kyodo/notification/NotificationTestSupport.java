package jp.kyodo.notification;

import static io.restassured.RestAssured.given;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationSnapshot;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.notification.service.Sweep;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;
import jp.kyodo.platform.tasks.TaskPublisher;
import jp.kyodo.platform.tasks.TaskRef;
import jp.kyodo.platform.testing.Await;
import jp.kyodo.platform.testing.Database;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.PostgresAndKafka;
import jp.kyodo.platform.testing.TestCallerHeaders;
import jp.kyodo.platform.time.MovableClock;

/**
 * Real PostgreSQL, Kafka and SMTP (GreenMail) for the module's tests, in one Quarkus boot. The other services are
 * played by sending their CloudEvents: organisations on kyodo.directory.v1, task facts on kyodo.tasks.v1.
 */
@QuarkusTestResource(value = PostgresAndKafka.class, initArgs = @ResourceArg(name = "database", value = "kyodo_notifications"))
@QuarkusTestResource(GreenMailServer.class)
public abstract class NotificationTestSupport {

    protected static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    protected static final String SOURCE = "/kyodo/agreement-service";

    @Inject
    protected ObjectMapper mapper;

    @Inject
    protected DataSource dataSource;

    @Inject
    protected Clock clock;

    @Inject
    protected Sweep sweep;

    // ---- people and organisations -------------------------------------------------------------------------------

    /** A new person with an address, known to the identity provider with these realm roles. */
    protected static String person(String... realmRoles) {
        String subject = UUID.randomUUID().toString();
        TestPeople.register(subject, address(subject), realmRoles);
        return subject;
    }

    protected static String address(String subject) {
        return "p-" + subject.substring(0, 8) + "@example.jp";
    }

    protected static RequestSpecification as(String subject, String... roles) {
        return given().contentType(ContentType.JSON).header(TestCallerHeaders.SUBJECT, subject)
                .header(TestCallerHeaders.ROLES, String.join(",", roles));
    }

    protected UUID organization(ActorType type, String name, Map<String, MemberRole> members) {
        UUID id = UUID.randomUUID();
        List<OrganizationSnapshot.Member> list = new ArrayList<>();
        members.forEach((subject, role) -> list.add(new OrganizationSnapshot.Member(subject, role, null)));
        OrganizationSnapshot snapshot = new OrganizationSnapshot(id, 1, name, "ダンタイ", type, OrganizationStatus.VERIFIED,
                null, List.of("ENVIRONMENT"), list, null, null);
        send(OrganizationSnapshot.TOPIC, "jp.kyodo.organization.registered.v1", id, 1, snapshot,
                UUID.randomUUID().toString(), "/kyodo/directory-service");
        Await.until("the read model knows " + id, Duration.ofSeconds(30),
                () -> count("select count(*) from directory_organization where id = ?", id) == 1);
        return id;
    }

    // ---- task facts -------------------------------------------------------------------------------------------

    /** Publishes task.opened as an owning service would; returns the CloudEvents id used. */
    protected String open(OpenTask task) {
        String eventId = UUID.randomUUID().toString();
        resend(task, eventId);
        return eventId;
    }

    /** Publishes task.opened again under the CloudEvents id of an earlier publication (a redelivery). */
    protected void resend(OpenTask task, String eventId) {
        TaskRef ref = task.ref();
        send(TaskPublisher.TOPIC, TaskPublisher.OPENED, ref.taskId(), 1, new TaskPublisher.Opened(ref.taskId(),
                ref.action(), ref.aggregateType(), ref.aggregateId(), ref.occurrence(), ref.fiscalYear(), ref.addressee(),
                task.actors(), task.conflicted().isEmpty() ? null : task.conflicted(), task.departmentId(), task.dueOn(),
                new TaskPublisher.Title(task.titleJa(), task.titleEn()), task.link(), clock.instant()), eventId, SOURCE);
    }

    protected String end(TaskRef ref, boolean completed) {
        String eventId = UUID.randomUUID().toString();
        send(TaskPublisher.TOPIC, completed ? TaskPublisher.COMPLETED : TaskPublisher.CANCELLED, ref.taskId(), 2,
                new TaskPublisher.Ended(ref.taskId(), ref.action(), ref.aggregateType(), ref.aggregateId(), ref.addressee(),
                        clock.instant(), completed ? null : "WITHDRAWN"), eventId, SOURCE);
        return eventId;
    }

    protected static OpenTask task(TaskAddressee addressee, String action, LocalDate dueOn, UUID department,
            String title, List<String> actors) {
        UUID aggregate = UUID.randomUUID();
        return new OpenTask(TaskRef.of("agreement", aggregate, action, addressee).occurrence(1), dueOn, actors, department,
                "協定「" + title + "」に署名する", "Sign the agreement “" + title + "”", "/api/agreements/" + aggregate);
    }

    protected void awaitInbox(String eventId) {
        Await.until("event " + eventId + " received", Duration.ofSeconds(30),
                () -> count("select count(*) from kyodo_inbox where event_id = ?", eventId) == 1);
    }

    protected void awaitTask(UUID taskId, String state) {
        Await.until("task " + taskId + " " + state, Duration.ofSeconds(30),
                () -> count("select count(*) from task where id = ? and state = ?", taskId, state) == 1);
    }

    // ---- time and mail ------------------------------------------------------------------------------------------

    /** Moves the service's clock to a local time in Tokyo. */
    protected void setClock(LocalDate day, LocalTime time) {
        ((MovableClock) clock).set(day.atTime(time).atZone(TOKYO).toInstant());
    }

    /** The mails delivered to one address so far. */
    protected static List<MimeMessage> mailsTo(String subject) {
        String address = address(subject);
        return Arrays.stream(GreenMailServer.server().getReceivedMessages()).filter(m -> {
            try {
                for (Address to : m.getAllRecipients()) {
                    if (to.toString().contains(address)) {
                        return true;
                    }
                }
                return false;
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    protected static List<MimeMessage> awaitMails(String subject, int count) {
        Await.until(count + " mails to " + subject, Duration.ofSeconds(30), () -> mailsTo(subject).size() >= count);
        return mailsTo(subject);
    }

    /** Lets the mail relay run a few more rounds, so that a mail that should not come has had its chance. */
    protected static void settle() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a mail's HTML under target/mail-samples/, to look at it rendered. */
    protected static void keepHtml(MimeMessage message, String name) {
        try {
            String html = htmlOf(message.getContent());
            if (html != null) {
                java.nio.file.Path dir = java.nio.file.Path.of("target", "mail-samples");
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Files.writeString(dir.resolve(name + ".html"), html);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String htmlOf(Object content) throws Exception {
        if (content instanceof String s) {
            return s.contains("<html") ? s : null;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String html = htmlOf(multipart.getBodyPart(i).getContent());
                if (html != null) {
                    return html;
                }
            }
        }
        return null;
    }

    /** Every text part of a mail, decoded (plain text and HTML). */
    protected static String bodyOf(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
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
}
