package jp.kyodo.platform.events;

/** Naming of CloudEvents types and the extension attributes kyodo adds to every event. */
public final class EventTypes {

    public static final String PREFIX = "jp.kyodo.";

    /** CloudEvents extension: the aggregate's version after the change. */
    public static final String AGGREGATE_VERSION = "aggregateversion";
    /** CloudEvents extension: the id of the HTTP request that caused the change. */
    public static final String REQUEST_ID = "requestid";
    /** CloudEvents distributed-tracing extension. */
    public static final String TRACEPARENT = "traceparent";

    private EventTypes() {
    }

    /** {@code of("proposal.adopted")} is {@code jp.kyodo.proposal.adopted.v1}. */
    public static String of(String name) {
        return PREFIX + name + ".v1";
    }

    /** The topic that receives the events a consumer could not process. */
    public static String deadLetterTopicOf(String topic) {
        return topic + ".dlq";
    }
}
