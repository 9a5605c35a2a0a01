package jp.kyodo.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jp.kyodo.platform.web.RequestIds;

/** Records every state change with its actor, in the transaction of the change. */
@ApplicationScoped
public class AuditTrail {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper mapper;

    @Inject
    EveryChangeAnnounced announcements;

    @ConfigProperty(name = "kyodo.service-name")
    String serviceName;

    public void record(AuditRecord change) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into kyodo_audit_entry (id, aggregate_type, aggregate_id, action, from_state, to_state,
                                                       actor, acting_for, reason, details, request_id, occurred_at,
                                                       aggregate_version, announced)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                        """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, change.aggregateType());
            insert.setObject(3, change.aggregateId());
            insert.setString(4, change.action());
            insert.setString(5, change.fromState());
            insert.setString(6, change.toState());
            insert.setString(7, actor());
            insert.setObject(8, change.actingFor());
            insert.setString(9, change.reason());
            insert.setString(10, mapper.writeValueAsString(change.details()));
            insert.setString(11, RequestIds.current());
            insert.setTimestamp(12, Timestamp.from(Instant.now()));
            insert.setLong(13, change.aggregateVersion());
            insert.setBoolean(14, change.announced());
            insert.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("could not write the audit trail", e);
        }
        announcements.audited(change);
    }

    /** The trail of one record, oldest first. */
    public List<AuditEntry> trailOf(UUID aggregateId) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        select id, aggregate_type, aggregate_id, action, from_state, to_state, actor, acting_for,
                               reason, details, request_id, occurred_at
                          from kyodo_audit_entry where aggregate_id = ? order by occurred_at, id
                        """)) {
            select.setObject(1, aggregateId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, UUID.class), rs.getString(9), mapper.readValue(rs.getString(10), DETAILS),
                            rs.getString(11), rs.getObject(12, OffsetDateTime.class)));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
        return entries;
    }

    /** The subject of the caller, or the service itself when a change comes from a consumed event. */
    String actor() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return "system:" + serviceName;
        }
        return identity.getPrincipal().getName();
    }
}
