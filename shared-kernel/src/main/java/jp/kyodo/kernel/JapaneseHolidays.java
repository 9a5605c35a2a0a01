package jp.kyodo.kernel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The national holidays of Japan (国民の祝日, 国民の祝日に関する法律) as the law stands since 2020, with the substitute
 * holiday (振替休日: a holiday on a Sunday moves to the next day that is not a holiday) and the citizens' holiday
 * (国民の休日: a day between two holidays). The equinoxes follow the astronomical formula the National Astronomical
 * Observatory's announcements have matched for 1980–2099; the Cabinet Office fixes them each February for the
 * following year, so a year beyond that is a forecast, as every Japanese calendar is.
 */
public final class JapaneseHolidays {

    public static final int FIRST_YEAR = 2020;
    public static final int LAST_YEAR = 2099;

    private static final Map<Integer, Map<LocalDate, String>> BY_YEAR = new ConcurrentHashMap<>();

    private JapaneseHolidays() {
    }

    public static boolean isHoliday(LocalDate date) {
        return of(date.getYear()).containsKey(date);
    }

    /** The holidays of a year with their Japanese names, in date order. */
    public static Map<LocalDate, String> of(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
        }
        return BY_YEAR.computeIfAbsent(year, JapaneseHolidays::compute);
    }

    private static Map<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元日");
        days.put(nthMonday(year, Month.JANUARY, 2), "成人の日");
        days.put(LocalDate.of(year, 2, 11), "建国記念の日");
        days.put(LocalDate.of(year, 2, 23), "天皇誕生日");
        days.put(LocalDate.of(year, 3, vernalEquinoxDay(year)), "春分の日");
        days.put(LocalDate.of(year, 4, 29), "昭和の日");
        days.put(LocalDate.of(year, 5, 3), "憲法記念日");
        days.put(LocalDate.of(year, 5, 4), "みどりの日");
        days.put(LocalDate.of(year, 5, 5), "こどもの日");
        // The Tokyo Games moved three holidays in 2020 and 2021 (東京オリンピック・パラリンピック特措法).
        switch (year) {
            case 2020 -> {
                days.put(LocalDate.of(2020, 7, 23), "海の日");
                days.put(LocalDate.of(2020, 7, 24), "スポーツの日");
                days.put(LocalDate.of(2020, 8, 10), "山の日");
            }
            case 2021 -> {
                days.put(LocalDate.of(2021, 7, 22), "海の日");
                days.put(LocalDate.of(2021, 7, 23), "スポーツの日");
                days.put(LocalDate.of(2021, 8, 8), "山の日");
            }
            default -> {
                days.put(nthMonday(year, Month.JULY, 3), "海の日");
                days.put(LocalDate.of(year, 8, 11), "山の日");
                days.put(nthMonday(year, Month.OCTOBER, 2), "スポーツの日");
            }
        }
        days.put(nthMonday(year, Month.SEPTEMBER, 3), "敬老の日");
        days.put(LocalDate.of(year, 9, autumnalEquinoxDay(year)), "秋分の日");
        days.put(LocalDate.of(year, 11, 3), "文化の日");
        days.put(LocalDate.of(year, 11, 23), "勤労感謝の日");

        TreeMap<LocalDate, String> withSubstitutes = new TreeMap<>(days);
        for (LocalDate day : days.keySet()) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                LocalDate substitute = day.plusDays(1);
                while (withSubstitutes.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                withSubstitutes.put(substitute, "休日（振替休日）");
            }
        }
        for (LocalDate day : days.keySet()) {
            LocalDate between = day.plusDays(2);
            LocalDate middle = day.plusDays(1);
            if (days.containsKey(between) && !withSubstitutes.containsKey(middle)
                    && middle.getDayOfWeek() != DayOfWeek.SUNDAY) {
                withSubstitutes.put(middle, "休日（国民の休日）");
            }
        }
        return Collections.unmodifiableMap(withSubstitutes);
    }

    static int vernalEquinoxDay(int year) {
        return (int) Math.floor(20.8431 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    static int autumnalEquinoxDay(int year) {
        return (int) Math.floor(23.2488 + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4.0));
    }

    private static LocalDate nthMonday(int year, Month month, int n) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }
}
