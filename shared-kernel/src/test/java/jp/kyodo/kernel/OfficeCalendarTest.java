package jp.kyodo.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class OfficeCalendarTest {

    /** The holidays as the Cabinet Office (内閣府) publishes them, equinoxes included. */
    static List<Object[]> publishedYears() {
        return List.of(
                new Object[] { 2024, List.of("01-01", "01-08", "02-11", "02-12", "02-23", "03-20", "04-29", "05-03",
                        "05-04", "05-05", "05-06", "07-15", "08-11", "08-12", "09-16", "09-22", "09-23", "10-14",
                        "11-03", "11-04", "11-23") },
                new Object[] { 2025, List.of("01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                        "05-04", "05-05", "05-06", "07-21", "08-11", "09-15", "09-23", "10-13", "11-03", "11-23",
                        "11-24") },
                new Object[] { 2026, List.of("01-01", "01-12", "02-11", "02-23", "03-20", "04-29", "05-03", "05-04",
                        "05-05", "05-06", "07-20", "08-11", "09-21", "09-22", "09-23", "10-12", "11-03", "11-23") },
                new Object[] { 2027, List.of("01-01", "01-11", "02-11", "02-23", "03-21", "03-22", "04-29", "05-03",
                        "05-04", "05-05", "07-19", "08-11", "09-20", "09-23", "10-11", "11-03", "11-23") },
                new Object[] { 2020, List.of("01-01", "01-13", "02-11", "02-23", "02-24", "03-20", "04-29", "05-03",
                        "05-04", "05-05", "05-06", "07-23", "07-24", "08-10", "09-21", "09-22", "11-03", "11-23") });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedYears")
    void theHolidaysAreTheOnesThePublishedCalendarLists(int year, List<String> expected) {
        assertThat(JapaneseHolidays.of(year).keySet())
                .containsExactlyElementsOf(expected.stream().map(d -> LocalDate.parse(year + "-" + d)).toList());
    }

    @Test
    void everyYearAheadHasItsSixteenHolidaysOnWeekdaysOrWithASubstitute() {
        for (int year = 2028; year <= 2060; year++) {
            var holidays = JapaneseHolidays.of(year);
            assertThat(holidays.values().stream().filter(n -> !n.startsWith("休日")).count()).as("%d", year).isEqualTo(16);
            for (LocalDate day : holidays.keySet()) {
                if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    assertThat(holidays.keySet()).as("substitute after %s", day)
                            .anyMatch(d -> d.isAfter(day) && d.isBefore(day.plusDays(4)) && d.getDayOfWeek() != DayOfWeek.SUNDAY);
                }
            }
            int vernal = JapaneseHolidays.vernalEquinoxDay(year);
            int autumnal = JapaneseHolidays.autumnalEquinoxDay(year);
            assertThat(vernal).as("vernal equinox %d", year).isBetween(19, 21);
            assertThat(autumnal).as("autumnal equinox %d", year).isBetween(21, 24);
        }
    }

    @Test
    void aDueDateOnAClosedDayMovesToTheNextOpenDay() {
        // Saturday 2027-05-01 → Golden Week → Thursday 6 May.
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2027, 5, 1))).isEqualTo(LocalDate.of(2027, 5, 6));
        // 年末年始: 29 December to 3 January; 4 January 2028 is a Tuesday.
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2027, 12, 29))).isEqualTo(LocalDate.of(2028, 1, 4));
        // Sunday 2027-03-21 (春分の日) and Monday 22nd (振替休日) → Tuesday 23rd.
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2027, 3, 20))).isEqualTo(LocalDate.of(2027, 3, 23));
        // Silver Week 2026: 19–23 September closed.
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2026, 9, 19))).isEqualTo(LocalDate.of(2026, 9, 24));
        // An open day stays.
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2027, 6, 9))).isEqualTo(LocalDate.of(2027, 6, 9));
        assertThat(OfficeCalendar.dueOn(LocalDate.of(2027, 6, 1), Period.ofDays(14))).isEqualTo(LocalDate.of(2027, 6, 15));
    }

    @Test
    void yearsOutsideTheKnownLawAreRefused() {
        assertThatThrownBy(() -> JapaneseHolidays.of(2019)).isInstanceOf(IllegalArgumentException.class);
    }
}
