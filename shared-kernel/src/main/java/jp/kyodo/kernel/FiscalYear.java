package jp.kyodo.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A Japanese fiscal year (年度): fiscal year 2027 runs from 1 April 2027 to 31 March 2028. Dates are derived in
 * Asia/Tokyo, where the city is.
 */
public record FiscalYear(int year) implements Comparable<FiscalYear> {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    /** 令和 began on 1 May 2019; its first fiscal year (令和元年度) is fiscal 2019. */
    private static final int REIWA_FIRST_FISCAL_YEAR = 2019;

    public FiscalYear {
        if (year < 2000 || year > 2200) {
            throw new IllegalArgumentException("fiscal year out of range: " + year);
        }
    }

    @JsonCreator
    public static FiscalYear of(int year) {
        return new FiscalYear(year);
    }

    /** A fiscal year written as its western year, {@code 2027} (a query parameter's form). */
    public static FiscalYear fromString(String text) {
        try {
            return new FiscalYear(Integer.parseInt(text.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a fiscal year: " + text, e);
        }
    }

    public static FiscalYear containing(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public static FiscalYear containing(Instant instant) {
        return containing(LocalDate.ofInstant(instant, CITY_ZONE));
    }

    public static FiscalYear current() {
        return containing(LocalDate.now(CITY_ZONE));
    }

    @JsonValue
    public int year() {
        return year;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, Month.APRIL, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(year + 1, Month.MARCH, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    public FiscalYear next() {
        return new FiscalYear(year + 1);
    }

    /** The era name used in city documents: 令和9年度 for fiscal 2027, 令和元年度 for fiscal 2019. */
    public String eraName() {
        int reiwa = year - REIWA_FIRST_FISCAL_YEAR + 1;
        if (reiwa < 1) {
            return "平成" + (year - 1988) + "年度";
        }
        return "令和" + (reiwa == 1 ? "元" : Integer.toString(reiwa)) + "年度";
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(year, other.year);
    }

    @Override
    public String toString() {
        return Integer.toString(year);
    }
}
