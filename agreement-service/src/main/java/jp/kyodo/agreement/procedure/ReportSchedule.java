package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 定期活動報告: the term is cut into reporting periods of a set number of months from its first day (the last period
 * ends with the term); each period's report is due a set number of days after it ends.
 */
public final class ReportSchedule {

    /** One reporting period, both days included. */
    public record Period(int number, LocalDate start, LocalDate end) {
    }

    private ReportSchedule() {
    }

    public static List<Period> periods(LocalDate termStart, LocalDate termEnd, int months) {
        List<Period> periods = new ArrayList<>();
        LocalDate start = termStart;
        for (int n = 1; !start.isAfter(termEnd); n++) {
            LocalDate end = termStart.plusMonths((long) months * n).minusDays(1);
            if (end.isAfter(termEnd)) {
                end = termEnd;
            }
            periods.add(new Period(n, start, end));
            start = end.plusDays(1);
        }
        return periods;
    }
}
