package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.List;

/** The figures of an endorsement: when it was received, the decision, and the report after the event. */
public class EndorsedEvent {
    public LocalDate receivedOn;
    public int applicationVersion;
    public LocalDate firstDay;
    public LocalDate lastDay;
    public LocalDate decidedOn;
    public String conditions;
    public List<String> refusalReasons;
    public LocalDate reportedOn;
    public LocalDate heldOn;
    public Integer attendance;
    public String reportSummary;
}
