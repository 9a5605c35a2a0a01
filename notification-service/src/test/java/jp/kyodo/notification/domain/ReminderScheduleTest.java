package jp.kyodo.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    private final ReminderSchedule schedule = new ReminderSchedule(Period.ofDays(3), Period.ofDays(7));
    private final LocalDate due = LocalDate.of(2027, 9, 15);
    private final LocalDate openedEarly = LocalDate.of(2027, 9, 1);

    @Test
    void aReminderFromThreeDaysBeforeUntilTheDueDate() {
        assertThat(schedule.dueOn(due.minusDays(4), due, openedEarly)).isEmpty();
        assertThat(schedule.dueOn(due.minusDays(3), due, openedEarly)).isEqualTo(Set.of(NoticeKind.REMINDER));
        assertThat(schedule.dueOn(due, due, openedEarly)).isEqualTo(Set.of(NoticeKind.REMINDER));
    }

    @Test
    void aTaskOpenedInsideTheReminderWindowGetsNoReminderItsOpeningWasTheNotice() {
        assertThat(schedule.dueOn(due.minusDays(1), due, due.minusDays(2))).isEmpty();
    }

    @Test
    void overdueFromTheDayAfterAndEscalatedAfterSevenDays() {
        assertThat(schedule.dueOn(due.plusDays(1), due, openedEarly)).isEqualTo(Set.of(NoticeKind.OVERDUE));
        assertThat(schedule.dueOn(due.plusDays(6), due, openedEarly)).isEqualTo(Set.of(NoticeKind.OVERDUE));
        assertThat(schedule.dueOn(due.plusDays(7), due, openedEarly))
                .isEqualTo(Set.of(NoticeKind.OVERDUE, NoticeKind.ESCALATION));
    }

    @Test
    void anUndatedTaskIsNeverRemindedOf() {
        assertThat(schedule.dueOn(due, null, openedEarly)).isEmpty();
    }

    @Test
    void mailRetriesBackOffUpToTheirLimitAndAreGivenUpAfterTheLastAttempt() {
        MailBackoff backoff = new MailBackoff(Duration.ofSeconds(10), Duration.ofMinutes(1), 5);
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.givesUpAfter(4)).isFalse();
        assertThat(backoff.givesUpAfter(5)).isTrue();
    }

    @Test
    void calendarLinesAreFoldedAtSeventyFiveOctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        CalendarFeed.line(out, "SUMMARY:" + "協働".repeat(40));
        for (String line : out.toString().split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(out.toString().replace("\r\n ", "")).isEqualTo("SUMMARY:" + "協働".repeat(40) + "\r\n");
        assertThat(CalendarFeed.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }
}
