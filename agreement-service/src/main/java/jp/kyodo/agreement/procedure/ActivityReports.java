package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

/** The reporting of a collaboration's activity: how many reports were filed and which period is next. */
public class ActivityReports {
    /** Months per reporting period; null where reports follow each activity (アダプト). */
    public Integer intervalMonths;
    public int filed;
    /** The next period to report on, if reports follow a schedule. */
    public Integer nextPeriod;
    public LocalDate nextPeriodStart;
    public LocalDate nextPeriodEnd;
    public LocalDate lastActivityOn;
}
