package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.time.Month;

import jp.kyodo.kernel.FiscalYear;

/**
 * 実績報告の期限: a subsidy's results report is due a set number of days after the year's work ends, and never later
 * than 10 April of the next fiscal year (so that the amount can be fixed and paid within the closing period).
 */
public final class ResultsReportDeadline {

    private ResultsReportDeadline() {
    }

    public static LocalDate dueOn(FiscalYear year, LocalDate termEnd, int days) {
        LocalDate workEnds = termEnd.isBefore(year.lastDay()) ? termEnd : year.lastDay();
        LocalDate latest = LocalDate.of(year.year() + 1, Month.APRIL, 10);
        LocalDate due = workEnds.plusDays(days);
        return due.isAfter(latest) ? latest : due;
    }
}
