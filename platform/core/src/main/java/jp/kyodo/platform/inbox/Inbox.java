package jp.kyodo.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.kyodo.platform.db.DatabaseOutage;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.events.TraceContext;
import jp.kyodo.platform.failpoint.Failpoints;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.platform.web.RequestIds;

/**
 * Applies each consumed event exactly once: the inbox row, the version check and the handler's effect commit
 * in one transaction, so a redelivered event changes nothing. A handler that keeps failing
 * ({@code kyodo.inbox.max-attempts}) or an event that can never be read sends the event to
 * {@code <topic>.dlq} (through the outbox, in the same transaction as the inbox row that records the
 * decision), and the consumer moves on. Database outages are not the event's fault: they are retried
 * without counting.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private static final String RECORD = """
            insert into kyodo_inbox (source, event_id, type, subject, topic, partition, kafka_offset, outcome, error)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict do nothing
            """;
    private static final String ADVANCE_VERSION = """
            insert into kyodo_inbox_version (source, subject, version) values (?, ?, ?)
            on conflict (source, subject) do update set version = excluded.version
             where kyodo_inbox_version.version < excluded.version
            """;

    @Inject
    DataSource dataSource;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "kyodo.inbox.max-attempts", defaultValue = "3")
    int maxAttempts;

    @ConfigProperty(name = "kyodo.inbox.retry-backoff", defaultValue = "200ms")
    Duration retryBackoff;

    @ConfigProperty(name = "kyodo.service-name")
    String consumerName;

    public void receive(ConsumerRecord<String, byte[]> record, EventHandler handler) {
        receive(record, Ordering.NEWER_VERSIONS_ONLY, handler);
    }

    public void receive(ConsumerRecord<String, byte[]> record, Ordering ordering, EventHandler handler) {
        IncomingEvent event;
        try {
            event = IncomingEvents.read(record, mapper);
        } catch (PoisonEventException e) {
            untilStored(() -> deadLetter(record, null, e));
            return;
        }
        event.requestId().ifPresent(id -> MDC.put(RequestIds.MDC_KEY, id));
        Span span = tracer.spanBuilder("consume " + event.type()).setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.parentOf(event.traceparent().orElse(null)))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            int failures = 0;
            while (true) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> applyOnce(event, ordering, handler));
                    break;
                } catch (RuntimeException e) {
                    Throwable cause = e instanceof HandlerFailure ? e.getCause() : e;
                    if (isOutage(cause)) {
                        LOG.warnf("%s: database unavailable (%s), retrying", event, cause.toString());
                        pause(Duration.ofSeconds(1));
                        continue;
                    }
                    failures++;
                    if (cause instanceof PoisonEventException || failures >= maxAttempts) {
                        untilStored(() -> deadLetter(record, event, cause));
                        break;
                    }
                    LOG.debugf("%s failed (attempt %d of %d): %s", event, failures, maxAttempts, cause);
                    pause(retryBackoff.multipliedBy(failures));
                }
            }
            Failpoints.hit(Failpoints.INBOX_AFTER_EFFECT);
        } finally {
            span.end();
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    private void applyOnce(IncomingEvent event, Ordering ordering, EventHandler handler) {
        try (Connection c = dataSource.getConnection()) {
            if (!record(c, event.source(), event.id(), event, "APPLIED", null)) {
                LOG.debugf("%s already received, ignored", event);
                return;
            }
            if (ordering == Ordering.NEWER_VERSIONS_ONLY && event.aggregateVersion().isPresent()
                    && !advanceVersion(c, event)) {
                markStale(c, event);
                LOG.debugf("%s is not newer than what was applied, ignored", event);
                return;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try {
            handler.handle(event);
        } catch (Exception e) {
            throw new HandlerFailure(e);
        }
    }

    private boolean advanceVersion(Connection c, IncomingEvent event) throws SQLException {
        try (PreparedStatement advance = c.prepareStatement(ADVANCE_VERSION)) {
            advance.setString(1, event.source());
            advance.setString(2, event.subject());
            advance.setLong(3, event.aggregateVersion().getAsLong());
            return advance.executeUpdate() == 1;
        }
    }

    private static void markStale(Connection c, IncomingEvent event) throws SQLException {
        try (PreparedStatement stale = c.prepareStatement(
                "update kyodo_inbox set outcome = 'STALE' where source = ? and event_id = ?")) {
            stale.setString(1, event.source());
            stale.setString(2, event.id());
            stale.executeUpdate();
        }
    }

    private static boolean record(Connection c, String source, String eventId, IncomingEvent event, String outcome,
            String error) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(RECORD)) {
            insert.setString(1, source);
            insert.setString(2, eventId);
            insert.setString(3, event == null ? null : event.type());
            insert.setString(4, event == null ? null : event.subject());
            insert.setString(5, event == null ? null : event.topic());
            insert.setInt(6, event == null ? -1 : event.partition());
            insert.setLong(7, event == null ? -1 : event.offset());
            insert.setString(8, outcome);
            insert.setString(9, error);
            return insert.executeUpdate() == 1;
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, IncomingEvent event, Throwable error) {
        String reason = String.valueOf(error.getMessage() == null ? error.getClass().getName() : error.getMessage());
        LOG.errorf("dead-lettering %s/%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement insert = c.prepareStatement(RECORD)) {
                // An unreadable record has no event id: its position identifies it instead.
                String source = event == null ? "kafka:" + record.topic() : event.source();
                String id = event == null ? record.partition() + "@" + record.offset() : event.id();
                insert.setString(1, source);
                insert.setString(2, id);
                insert.setString(3, event == null ? null : event.type());
                insert.setString(4, event == null ? null : event.subject());
                insert.setString(5, record.topic());
                insert.setInt(6, record.partition());
                insert.setLong(7, record.offset());
                insert.setString(8, "DEAD_LETTERED");
                insert.setString(9, reason);
                if (insert.executeUpdate() == 0) {
                    updateToDeadLettered(c, source, id, reason);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            outbox.publishRaw(EventTypes.deadLetterTopicOf(record.topic()), record.key(), record.value(),
                    deadLetterHeaders(record, reason));
        });
        Counter.builder("kyodo.inbox.dead-lettered").tag("topic", record.topic()).register(metrics).increment();
    }

    private static void updateToDeadLettered(Connection c, String source, String id, String reason) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update kyodo_inbox set outcome = 'DEAD_LETTERED', error = ? where source = ? and event_id = ?")) {
            update.setString(1, reason);
            update.setString(2, source);
            update.setString(3, id);
            update.executeUpdate();
        }
    }

    private Map<String, String> deadLetterHeaders(ConsumerRecord<String, byte[]> record, String reason) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        headers.put("kyodo_dlq_error", reason);
        headers.put("kyodo_dlq_topic", record.topic());
        headers.put("kyodo_dlq_partition", Integer.toString(record.partition()));
        headers.put("kyodo_dlq_offset", Long.toString(record.offset()));
        headers.put("kyodo_dlq_consumer", consumerName);
        headers.put("kyodo_dlq_time", Instant.now().toString());
        return headers;
    }

    /** Keeps trying while the database is out: an event is never dropped because the inbox could not store it. */
    private void untilStored(Runnable store) {
        while (true) {
            try {
                store.run();
                return;
            } catch (RuntimeException e) {
                if (!isOutage(e)) {
                    throw e;
                }
                pause(Duration.ofSeconds(1));
            }
        }
    }

    static boolean isOutage(Throwable error) {
        return DatabaseOutage.isCauseOf(error);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }

    /** Carries a handler's checked exception through the transaction boundary. */
    private static final class HandlerFailure extends RuntimeException {
        HandlerFailure(Exception cause) {
            super(cause);
        }
    }
}
