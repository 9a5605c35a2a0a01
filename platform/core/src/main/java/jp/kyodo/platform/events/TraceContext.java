package jp.kyodo.platform.events;

import java.util.Map;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import jp.kyodo.platform.web.RequestIds;

/**
 * Carries a trace across Kafka: the outbox stores the W3C {@code traceparent} of the change, the event carries it
 * as the CloudEvents distributed-tracing extension, and the consumer continues the trace from it.
 */
public final class TraceContext {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContext() {
    }

    /** The traceparent of the current span, or of the incoming request when tracing is off. */
    public static String currentTraceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
        }
        return MDC.get(RequestIds.TRACEPARENT_MDC_KEY) instanceof String traceparent ? traceparent : null;
    }

    /** The context to start a consumer span in: the producer's trace when the event carries one. */
    public static Context parentOf(String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of("traceparent", traceparent),
                MAP_GETTER);
    }
}
