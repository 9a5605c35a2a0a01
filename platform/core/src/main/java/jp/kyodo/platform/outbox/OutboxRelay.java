package jp.kyodo.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.failpoint.Failpoints;

/**
 * Publishes outbox rows to Kafka in the order they were written, as CloudEvents in binary mode.
 * <p>
 * Only the instance holding a PostgreSQL advisory lock publishes; the others stand by and try for the lock
 * again, so one takes over within {@link Settings#standbyInterval()} when the leader's connection dies.
 * The leader sleeps on {@code LISTEN kyodo_outbox} (the insert trigger notifies on commit) and polls every
 * {@link Settings#pollInterval()} in case a notification is missed. A row is marked sent only after the
 * broker acknowledged it: a crash in between publishes it again, and consumers deduplicate by event id.
 */
public final class OutboxRelay implements AutoCloseable {

    /** Connection and timing settings of a relay. */
    public record Settings(String jdbcUrl, String user, String password, Duration pollInterval, Duration standbyInterval,
            int batchSize, Duration ackTimeout) {
    }

    /** Observes what the relay does, for metrics. */
    public interface Listener {
        void published(String topic, Duration sinceOccurred);

        void leadershipChanged(boolean leader);

        Listener NONE = new Listener() {
            @Override
            public void published(String topic, Duration sinceOccurred) {
            }

            @Override
            public void leadershipChanged(boolean leader) {
            }
        };
    }

    /** Advisory-lock key shared by every relay of one database ("kyodo" in ASCII). */
    static final long LEADER_LOCK = 0x6b796f646fL;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "kyodo_outbox";
    private static final String SELECT_PENDING = """
            select seq, id, topic, record_key, kind, type, source, subject, aggregate_version, occurred_at,
                   content_type, payload, headers, request_id, traceparent
              from kyodo_outbox
             where sent_at is null
             order by seq
             limit ?
            """;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final Settings settings;
    private final Producer<String, byte[]> producer;
    private final ObjectMapper mapper;
    private final Listener listener;
    private final String name;
    private final Thread thread;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile Connection connection;

    public OutboxRelay(String name, Settings settings, Producer<String, byte[]> producer, ObjectMapper mapper,
            Listener listener) {
        this.name = name;
        this.settings = settings;
        this.producer = producer;
        this.mapper = mapper;
        this.listener = listener;
        this.thread = new Thread(this::run, "outbox-relay-" + name);
        this.thread.setDaemon(true);
    }

    public OutboxRelay start() {
        running = true;
        thread.start();
        return this;
    }

    public boolean isLeader() {
        return leader;
    }

    /** Stops publishing and releases the leadership. */
    @Override
    public void close() {
        running = false;
        abortConnection();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Simulates the death of the process: the database session ends (releasing the lock) and the producer is
     * dropped, with no chance to finish the current batch.
     */
    public void kill() {
        running = false;
        abortConnection();
        thread.interrupt();
        producer.close(Duration.ZERO);
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
                connection = c;
                c.setAutoCommit(true);
                awaitLeadership(c);
                if (!running) {
                    return;
                }
                becomeLeader(true);
                listen(c);
                backoff = Duration.ofMillis(200);
                while (running) {
                    while (running && publishBatch(c) == settings.batchSize()) {
                        // a full batch: there may be more right away
                    }
                    awaitWakeUp(c);
                }
            } catch (Failpoints.FailpointInterrupted e) {
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("outbox relay %s: %s; retrying in %d ms", name, e.toString(), backoff.toMillis());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                            : backoff.multipliedBy(2);
                }
            } finally {
                becomeLeader(false);
                connection = null;
            }
        }
    }

    private void awaitLeadership(Connection c) throws SQLException {
        while (running) {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, LEADER_LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
            }
            sleep(settings.standbyInterval());
        }
    }

    private void becomeLeader(boolean nowLeader) {
        if (leader != nowLeader) {
            leader = nowLeader;
            LOG.infof("outbox relay %s %s", name, nowLeader ? "is publishing" : "stopped publishing");
            listener.leadershipChanged(nowLeader);
        }
    }

    private static void listen(Connection c) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute("listen " + CHANNEL);
        }
    }

    private void awaitWakeUp(Connection c) throws SQLException {
        c.unwrap(PGConnection.class).getNotifications((int) Math.max(1, settings.pollInterval().toMillis()));
    }

    /** Publishes up to one batch of pending rows; returns how many were published. */
    int publishBatch(Connection c) throws Exception {
        List<PendingRow> rows = pendingRows(c);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            acks.add(producer.send(row.record()));
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        Exception failure = null;
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).seq());
            } catch (Exception e) {
                failure = e;
                break;
            }
        }
        Failpoints.hit(Failpoints.OUTBOX_AFTER_ACK);
        markSent(c, acknowledged);
        for (int i = 0; i < acknowledged.size(); i++) {
            PendingRow row = rows.get(i);
            listener.published(row.topic(), Duration.between(row.occurredAt(), OffsetDateTime.now(ZoneOffset.UTC)));
        }
        if (failure != null) {
            throw failure;
        }
        return rows.size();
    }

    private List<PendingRow> pendingRows(Connection c) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(SELECT_PENDING)) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(toPendingRow(rs));
                }
            }
        }
        return rows;
    }

    private PendingRow toPendingRow(ResultSet rs) throws SQLException {
        long seq = rs.getLong("seq");
        String topic = rs.getString("topic");
        String key = rs.getString("record_key");
        OffsetDateTime occurredAt = rs.getObject("occurred_at", OffsetDateTime.class);
        byte[] payload = rs.getBytes("payload");
        Map<String, String> headers = readHeaders(rs.getString("headers"));
        ProducerRecord<String, byte[]> record;
        if ("CLOUD_EVENT".equals(rs.getString("kind"))) {
            CloudEventBuilder event = CloudEventBuilder.v1()
                    .withId(rs.getString("id"))
                    .withSource(URI.create(rs.getString("source")))
                    .withType(rs.getString("type"))
                    .withSubject(rs.getString("subject"))
                    .withTime(occurredAt)
                    .withDataContentType(rs.getString("content_type"))
                    .withData(payload)
                    .withExtension(EventTypes.AGGREGATE_VERSION, rs.getLong("aggregate_version"));
            String requestId = rs.getString("request_id");
            if (requestId != null) {
                event.withExtension(EventTypes.REQUEST_ID, requestId);
            }
            String traceparent = rs.getString("traceparent");
            if (traceparent != null) {
                event.withExtension(EventTypes.TRACEPARENT, traceparent);
            }
            CloudEvent built = event.build();
            record = KafkaMessageFactory.createWriter(topic, null, null, key).writeBinary(built);
        } else {
            record = new ProducerRecord<>(topic, key, payload);
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        }
        return new PendingRow(seq, topic, occurredAt, record);
    }

    private Map<String, String> readHeaders(String json) {
        try {
            return json == null ? Map.of() : mapper.readValue(json, HEADERS);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable outbox headers", e);
        }
    }

    private static void markSent(Connection c, List<Long> seqs) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update kyodo_outbox set sent_at = now() where seq = any(?)")) {
            Array array = c.createArrayOf("bigint", seqs.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void abortConnection() {
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debug("abort of relay connection failed", e);
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingRow(long seq, String topic, OffsetDateTime occurredAt, ProducerRecord<String, byte[]> record) {
    }
}
