package jp.kyodo.notification.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an open task is worth telling about again: a reminder {@code reminderBefore} before its due date (unless it
 * was opened so late that the opening notice was already that close), an overdue notice from the day after the due
 * date, and an escalation once it is {@code escalateAfter} overdue. Each goes out once per person; this only says
 * which are due on a given day.
 */
public record ReminderSchedule(Period reminderBefore, Period escalateAfter) {

    public Set<NoticeKind> dueOn(LocalDate today, LocalDate dueOn, LocalDate openedOn) {
        Set<NoticeKind> due = EnumSet.noneOf(NoticeKind.class);
        if (dueOn == null) {
            return due;
        }
        LocalDate remindFrom = dueOn.minus(reminderBefore);
        if (!today.isBefore(remindFrom) && !today.isAfter(dueOn) && openedOn.isBefore(remindFrom)) {
            due.add(NoticeKind.REMINDER);
        }
        if (today.isAfter(dueOn)) {
            due.add(NoticeKind.OVERDUE);
        }
        if (!today.isBefore(dueOn.plus(escalateAfter)) && today.isAfter(dueOn)) {
            due.add(NoticeKind.ESCALATION);
        }
        return due;
    }

    /** The earliest due date a task can have to need anything today: the sweep looks only at tasks due from here on. */
    public LocalDate horizon(LocalDate today) {
        return today.plus(reminderBefore);
    }
}
