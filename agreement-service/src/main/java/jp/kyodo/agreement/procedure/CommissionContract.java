package jp.kyodo.agreement.procedure;

import java.time.LocalDate;

/** Who inspects a commission's completion (検査員), appointed by the department from its own staff. */
public class CommissionContract {
    /** Subject of the appointed inspector; a member of a department party. */
    public String inspectorSubject;
    public java.util.UUID appointedFor;
    public LocalDate appointedOn;
}
