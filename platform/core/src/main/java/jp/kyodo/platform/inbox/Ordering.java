package jp.kyodo.platform.inbox;

/** How a consumer treats an event whose aggregate version is not newer than one it already applied. */
public enum Ordering {
    /** Events carry snapshots: an older or equal version than the last applied one is ignored. */
    NEWER_VERSIONS_ONLY,
    /** Every distinct event is applied once, whatever its version. */
    EVERY_EVENT
}
