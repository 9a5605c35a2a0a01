package jp.kyodo.notification.domain;

/** Whether a task still waits for someone. */
public enum TaskState {
    OPEN, COMPLETED, CANCELLED
}
