package jp.kyodo.platform.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.platform.audit.EveryChangeAnnounced;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventSchemas;
import jp.kyodo.platform.events.TraceContext;
import jp.kyodo.platform.web.RequestIds;

/**
 * Writes events into the outbox table, inside the transaction of the state change they announce.
 * The relay publishes them after commit; a rolled-back change therefore never announces anything.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into kyodo_outbox (id, topic, record_key, kind, type, source, subject, aggregate_version,
                                      occurred_at, content_type, payload, headers, request_id, traceparent)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
            """;

    @Inject
    DataSource dataSource;

    @Inject
    TransactionManager transactions;

    @Inject
    Instance<EntityManager> entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventSchemas schemas;

    @Inject
    EveryChangeAnnounced announcements;

    @ConfigProperty(name = "kyodo.service-name")
    String serviceName;

    @ConfigProperty(name = "kyodo.outbox.validate-schemas", defaultValue = "true")
    boolean validateSchemas;

    /** The CloudEvents {@code source} of every event this service publishes. */
    public String source() {
        return "/kyodo/" + serviceName;
    }

    /**
     * Appends a domain event. Must run inside the transaction that changes the aggregate; pending entity
     * changes are flushed first so the outbox row follows the aggregate's row lock.
     */
    public UUID publish(DomainEvent event) {
        requireTransaction();
        if (entityManager.isResolvable()) {
            entityManager.get().flush();
        }
        JsonNode payload = mapper.valueToTree(event.payload());
        if (validateSchemas) {
            schemas.requireValid(event.type(), payload);
        }
        UUID id = UUID.randomUUID();
        insert(id, event.topic(), event.aggregateId().toString(), "CLOUD_EVENT", event.type(), source(),
                event.aggregateId().toString(), event.aggregateVersion(), "application/json", toBytes(payload),
                Map.of());
        announcements.announced(event.aggregateId(), event.aggregateVersion());
        return id;
    }

    /**
     * Appends a record that is forwarded as it is (used for dead letters, which keep the original bytes and
     * headers of an event that could not be processed).
     */
    public UUID publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
        requireTransaction();
        UUID id = UUID.randomUUID();
        insert(id, topic, key == null ? "" : key, "RAW", null, null, null, null, null, value == null ? new byte[0] : value,
                headers);
        return id;
    }

    private void insert(UUID id, String topic, String key, String kind, String type, String source, String subject,
            Long version, String contentType, byte[] payload, Map<String, String> headers) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, id);
            insert.setString(2, topic);
            insert.setString(3, key);
            insert.setString(4, kind);
            insert.setString(5, type);
            insert.setString(6, source);
            insert.setString(7, subject);
            insert.setObject(8, version);
            insert.setTimestamp(9, Timestamp.from(Instant.now()));
            insert.setString(10, contentType);
            insert.setBytes(11, payload);
            insert.setString(12, mapper.writeValueAsString(headers));
            insert.setString(13, RequestIds.current());
            insert.setString(14, TraceContext.currentTraceparent());
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
    }

    private byte[] toBytes(JsonNode payload) {
        try {
            return mapper.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable", e);
        }
    }

    private void requireTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("outbox writes must be part of the state change's transaction");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
