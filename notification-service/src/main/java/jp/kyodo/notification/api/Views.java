package jp.kyodo.notification.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import jp.kyodo.notification.domain.Delivery;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;
import jp.kyodo.notification.domain.Notification;
import jp.kyodo.notification.domain.Task;
import jp.kyodo.notification.domain.TaskState;

/** What the notification API shows. Absent values are omitted. */
public final class Views {

    private Views() {
    }

    @Schema(name = "LocalizedTitle", description = "A title in Japanese and English")
    public record Title(@Schema(required = true, maxLength = 500, description = "Japanese") String ja,
            @Schema(required = true, maxLength = 500, description = "English") String en) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MyTask", description = "A step that waits for the caller (or waited: completed and cancelled tasks "
            + "are listed on request), as the service owning it published it")
    public record TaskView(
            @Schema(required = true, format = "uuid", description = "The task id (stable: derived from the step)") UUID id,
            @Schema(required = true, pattern = "^[A-Z][A-Z0-9_]*$", description = "What is to be done, e.g. SIGN_AGREEMENT") String action,
            @Schema(required = true, description = "What it is about, in Japanese and English") Title title,
            @Schema(required = true, description = "OPEN, COMPLETED or CANCELLED") TaskState state,
            @Schema(nullable = true, format = "date", description = "Due date (Asia/Tokyo); never a day the city office is closed") LocalDate dueOn,
            @Schema(required = true, pattern = "^/api/.*$", description = "API path of what the task is about") String link,
            @Schema(required = true, pattern = "^[a-z][a-z-]*$", description = "The kind of aggregate, e.g. agreement, proposal, evaluation-round") String aggregateType,
            @Schema(required = true, format = "uuid", description = "The aggregate the task is about") UUID aggregateId,
            @Schema(nullable = true, format = "uuid", description = "The organisation the caller acts for in this task") UUID organizationId,
            @Schema(nullable = true, minimum = "2000", maximum = "2200", description = "The fiscal year of a yearly task") Integer fiscalYear,
            @Schema(nullable = true, format = "date-time", description = "When the task was opened") OffsetDateTime openedAt,
            @Schema(nullable = true, format = "date-time", description = "When it was completed or cancelled") OffsetDateTime endedAt) {

        static TaskView of(Task t) {
            return new TaskView(t.id, t.action, new Title(t.titleJa, t.titleEn), t.state, t.dueOn, t.link,
                    t.aggregateType, t.aggregateId, t.addresseeOrganization, t.fiscalYear, t.openedAt, t.endedAt);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InboxNotification", description = "Something the caller was told")
    public record InboxItem(
            @Schema(required = true, format = "uuid", description = "The id") UUID id,
            @Schema(required = true, description = "TASK_OPENED, REMINDER, OVERDUE, ESCALATION or DECISION") NoticeKind kind,
            @Schema(required = true, description = "What it is about, in Japanese and English") Title title,
            @Schema(required = true, pattern = "^/api/.*$", description = "API path of what it is about") String link,
            @Schema(nullable = true, format = "date", description = "Due date of the task it is about (Asia/Tokyo)") LocalDate dueOn,
            @Schema(nullable = true, format = "uuid", description = "The organisation concerned") UUID organizationId,
            @Schema(nullable = true, format = "uuid", description = "The task it is about, if any") UUID taskId,
            @Schema(required = true, format = "date-time", description = "When the caller was told") OffsetDateTime createdAt,
            @Schema(required = true, description = "Whether the caller marked it read") boolean read,
            @Schema(nullable = true, format = "date-time", description = "When the caller marked it read") OffsetDateTime readAt,
            @Schema(required = true, minimum = "0", description = "The version, also sent as the ETag") long version) {

        static InboxItem of(Notification n) {
            return new InboxItem(n.id, n.kind, new Title(n.titleJa, n.titleEn), n.link, n.dueOn, n.organizationId,
                    n.taskId, n.createdAt, n.isRead(), n.readAt, n.version);
        }
    }

    @Schema(name = "InboxReadAll", description = "How many notifications were marked read")
    public record ReadAll(@Schema(required = true, minimum = "0", description = "How many were marked read") int marked) {
    }

    @Schema(name = "NotificationPreferences", description = "How each kind of notification reaches the caller, and the "
            + "language of their mail. Kinds not listed are delivered IMMEDIATELY.")
    public record Preferences(
            @Schema(required = true, description = "Language of mails") Language language,
            @Schema(required = true, description = "Per kind: IMMEDIATELY, DAILY_DIGEST or OFF") Map<NoticeKind, Delivery> deliveries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CalendarFeed", description = "The caller's personal iCalendar feed of due dates. The URL is shown only "
            + "when it is made (rotation); keep it secret: whoever has it reads the titles and due dates of your tasks.")
    public record CalendarFeed(
            @Schema(required = true, description = "Whether a feed URL exists") boolean active,
            @Schema(nullable = true, description = "The feed's URL, shown once after a rotation") String url) {
    }
}
