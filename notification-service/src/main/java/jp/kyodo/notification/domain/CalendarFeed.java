package jp.kyodo.notification.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes tasks' due dates as an iCalendar (RFC 5545): one all-day event per task on its due date, its UID the task id,
 * so calendar software updates an entry rather than duplicating it. Text is escaped (§3.3.11) and lines are folded at
 * 75 octets without splitting a UTF-8 character (§3.1).
 */
public final class CalendarFeed {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** One due date. */
    public record Entry(String uid, LocalDate dueOn, String summary, String description, String url) {
    }

    private CalendarFeed() {
    }

    public static String write(String calendarName, List<Entry> entries, Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//kyodo//notification-service//JA");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        line(out, "X-WR-TIMEZONE:Asia/Tokyo");
        for (Entry entry : entries) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + entry.uid());
            line(out, "DTSTAMP:" + STAMP.format(stamp));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(entry.dueOn()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(entry.dueOn().plusDays(1)));
            line(out, "SUMMARY:" + text(entry.summary()));
            if (entry.description() != null) {
                line(out, "DESCRIPTION:" + text(entry.description()));
            }
            line(out, "URL:" + entry.url());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded at 75 octets (continuation lines start with a space), ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int i = 0;
        while (i < content.length()) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
