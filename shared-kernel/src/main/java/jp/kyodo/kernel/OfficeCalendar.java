package jp.kyodo.kernel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;

/**
 * The days the city office is open. It is closed on Saturdays, Sundays, national holidays and over the new year
 * (年末年始, 29 December to 3 January: 行政機関の休日に関する法律, and the cities' 休日を定める条例 after it). A time limit
 * that ends on a closed day ends on the next open day instead (地方自治法 第4条の2 第4項), so every due date the system
 * sets goes through {@link #dueOn(LocalDate)}.
 */
public final class OfficeCalendar {

    private OfficeCalendar() {
    }

    public static boolean isClosed(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || isNewYearBreak(date)
                || JapaneseHolidays.isHoliday(date);
    }

    public static boolean isOpen(LocalDate date) {
        return !isClosed(date);
    }

    /** The due date of a time limit ending on {@code limit}: that day if the office is open, else the next open day. */
    public static LocalDate dueOn(LocalDate limit) {
        LocalDate day = limit;
        while (isClosed(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The due date of a time limit of {@code period} counted from {@code start}. */
    public static LocalDate dueOn(LocalDate start, Period period) {
        return dueOn(start.plus(period));
    }

    private static boolean isNewYearBreak(LocalDate date) {
        return (date.getMonth() == Month.DECEMBER && date.getDayOfMonth() >= 29)
                || (date.getMonth() == Month.JANUARY && date.getDayOfMonth() <= 3);
    }
}
