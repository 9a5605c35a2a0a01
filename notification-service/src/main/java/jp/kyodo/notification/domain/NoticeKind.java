package jp.kyodo.notification.domain;

/** What a notification tells; a person chooses per kind how it reaches them ({@link Delivery}). */
public enum NoticeKind {
    /** Something now waits for you (a task opened). */
    TASK_OPENED,
    /** A task of yours is due soon. */
    REMINDER,
    /** A task of yours is past its due date. */
    OVERDUE,
    /** A task of your department's is overdue by several days (to signatories or the promotion role). */
    ESCALATION,
    /** A decision about your organisation's work: adopted or not, an agreement in force, an evaluation published, your
     *  organisation verified. */
    DECISION
}
