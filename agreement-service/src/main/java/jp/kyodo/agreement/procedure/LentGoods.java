package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

/** The figures of goods lent for a project cooperation: what, how many, until when, and their return. */
public class LentGoods {
    public String goodsId;
    public String item;
    public int quantity;
    public LocalDate lentOn;
    public LocalDate returnBy;
    public LocalDate returnedOn;
    public String condition;
}
