package jp.kyodo.notification.mail;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;

/**
 * Writes the mails from the Qute templates under {@code templates/mail/}, in Japanese or English. A mail holds only the
 * title, the due date, the acting organisation and a link: never content of the thing itself (sealed assessments,
 * scores) and never another person's name or contact data.
 */
@ApplicationScoped
public class MailComposer {

    /** One line of a mail: what, until when, for which organisation, where. */
    public record Item(NoticeKind kind, String title, LocalDate dueOn, String organization, String link) {
    }

    /** A mail ready to send. */
    public record Composed(String subject, String text, String html) {
    }

    @Inject
    @Location("mail/notice.html")
    Template noticeHtml;

    @Inject
    @Location("mail/notice.txt")
    Template noticeText;

    @Inject
    @Location("mail/digest.html")
    Template digestHtml;

    @Inject
    @Location("mail/digest.txt")
    Template digestText;

    @ConfigProperty(name = "kyodo.notifications.link-base")
    String linkBase;

    public Composed notice(Language language, Item item) {
        Line line = line(language, item);
        return new Composed(subject(language, item), render(noticeText, language, line, List.of(), null),
                render(noticeHtml, language, line, List.of(), null));
    }

    public Composed digest(Language language, LocalDate day, List<Item> items) {
        List<Line> lines = items.stream().map(i -> line(language, i)).toList();
        String subject = language == Language.ja
                ? "【協働】本日のお知らせ（" + items.size() + "件）" + japaneseDate(day)
                : "[kyodo] Your daily digest: " + items.size() + (items.size() == 1 ? " notice" : " notices") + ", "
                        + englishDate(day);
        return new Composed(subject, render(digestText, language, null, lines, date(language, day)),
                render(digestHtml, language, null, lines, date(language, day)));
    }

    /** Subject lines in the business style of city correspondence (【件名】ご対応のお願い…). */
    String subject(Language language, Item item) {
        String due = item.dueOn() == null ? "" : language == Language.ja ? "（期限：" + japaneseDate(item.dueOn()) + "）"
                : " (due " + englishDate(item.dueOn()) + ")";
        if (language == Language.ja) {
            return switch (item.kind()) {
                case TASK_OPENED -> "【協働】ご対応のお願い：" + item.title() + due;
                case REMINDER -> "【協働・リマインド】期限が近づいています：" + item.title() + due;
                case OVERDUE -> "【協働・期限超過】ご対応をお願いいたします：" + item.title() + due;
                case ESCALATION -> "【協働・要確認】期限を過ぎた案件のご確認のお願い：" + item.title() + due;
                case DECISION -> "【協働】お知らせ：" + item.title();
            };
        }
        return switch (item.kind()) {
            case TASK_OPENED -> "[kyodo] Action requested: " + item.title() + due;
            case REMINDER -> "[kyodo] Reminder: " + item.title() + due;
            case OVERDUE -> "[kyodo] Overdue: " + item.title() + due;
            case ESCALATION -> "[kyodo] Escalation, overdue in your department: " + item.title() + due;
            case DECISION -> "[kyodo] Notice: " + item.title();
        };
    }

    /** What a template shows of one item. */
    public record Line(String kindLabel, String intro, String title, String due, String organization, String url) {
    }

    private Line line(Language language, Item item) {
        boolean ja = language == Language.ja;
        String label = switch (item.kind()) {
            case TASK_OPENED -> ja ? "ご対応のお願い" : "Action requested";
            case REMINDER -> ja ? "期限が近づいています" : "Due soon";
            case OVERDUE -> ja ? "期限を過ぎています" : "Overdue";
            case ESCALATION -> ja ? "期限超過のご報告" : "Overdue in your department";
            case DECISION -> ja ? "お知らせ" : "Notice";
        };
        String intro = switch (item.kind()) {
            case TASK_OPENED -> ja ? "下記の件について、ご対応をお願いいたします。" : "The following waits for you.";
            case REMINDER -> ja ? "下記の件の期限が近づいております。ご確認をお願いいたします。"
                    : "The following is due soon.";
            case OVERDUE -> ja ? "下記の件が期限を過ぎております。至急ご対応をお願いいたします。"
                    : "The following is past its due date.";
            case ESCALATION -> ja ? "所管の案件のうち、下記の件が期限を過ぎたまま対応されておりません。ご確認をお願いいたします。"
                    : "The following task of your department is overdue and still open.";
            case DECISION -> ja ? "下記のとおりお知らせいたします。" : "For your information:";
        };
        return new Line(label, intro, item.title(), item.dueOn() == null ? null : date(language, item.dueOn()),
                item.organization(), linkBase + item.link());
    }

    private static String render(Template template, Language language, Line line, List<Line> lines, String day) {
        return template.data("ja", language == Language.ja).data("line", line).data("lines", lines).data("day", day)
                .render();
    }

    private static String date(Language language, LocalDate date) {
        return language == Language.ja ? japaneseDate(date) : englishDate(date);
    }

    static String japaneseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日（"
                + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.JAPANESE) + "）";
    }

    static String englishDate(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("EEE d MMMM yyyy", Locale.ENGLISH));
    }
}
