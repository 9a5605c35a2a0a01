package jp.kyodo.agreement.procedure;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An activity report as filed: a project cooperation reports a period (number, dates, summary); an adopt group one
 * activity (day, participants, work done, waste collected).
 */
public class ActivityReportEntry {
    public Integer period;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    public LocalDate activityOn;
    public Integer participants;
    public String workDone;
    public BigDecimal wasteCollectedKg;
    public String summary;
}
