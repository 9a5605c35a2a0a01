package jp.kyodo.notification.domain;

/** How a kind of notification reaches a person besides the inbox. */
public enum Delivery {
    /** A mail at once. */
    IMMEDIATELY,
    /** Collected into one mail a day, at the configured local time. */
    DAILY_DIGEST,
    /** No mail (the inbox and task list still show it). */
    OFF
}
