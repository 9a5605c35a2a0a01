package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

/** The figures of a co-hosted event: what was planned, and the report after it. */
public class HostedEventReport {
    public String eventId;
    public String name;
    public LocalDate firstDay;
    public LocalDate lastDay;
    public LocalDate reportedOn;
    public LocalDate heldOn;
    public Integer attendance;
    public String summary;
    public jp.kyodo.kernel.Yen actualCostYen;
}
