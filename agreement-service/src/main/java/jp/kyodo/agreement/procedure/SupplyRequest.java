package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.util.List;

/** A volunteer group's request for supplies (清掃用具・ごみ袋 …) and the department's answer. */
public class SupplyRequest {
    public String requestId;
    public List<Item> items;
    public LocalDate requestedOn;
    public LocalDate neededBy;
    public String note;
    public LocalDate decidedOn;
    public String answer;

    /** One item requested. */
    public record Item(String item, int quantity) {
    }
}
