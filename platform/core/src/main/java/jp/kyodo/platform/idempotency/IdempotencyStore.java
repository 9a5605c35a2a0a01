package jp.kyodo.platform.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;

/** Idempotency keys and the responses they produced, kept for {@code kyodo.idempotency.retention} (24 h). */
@ApplicationScoped
public class IdempotencyStore {

    /** Keys are scoped to the caller, method and path: two callers may use the same key. */
    public record Scope(String caller, String method, String path, String key) {
    }

    public record StoredResponse(String requestHash, int status, String body, Map<String, String> headers) {
    }

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kyodo.idempotency.retention", defaultValue = "PT24H")
    Duration retention;

    /**
     * Inserts the key in the current transaction, or takes over an expired row of the same key, in one statement.
     * Returns false if a live row exists; when another transaction holds the same key uncommitted, this waits for
     * it (PostgreSQL's unique index does), which serialises duplicates.
     */
    boolean claim(Scope scope, String requestHash) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                        insert into kyodo_idempotency_key (caller, method, path, idempotency_key, request_hash,
                                                           response_status, expires_at)
                        values (?, ?, ?, ?, ?, 0, now() + ?::interval)
                        on conflict (caller, method, path, idempotency_key) do update
                           set request_hash = excluded.request_hash, response_status = 0, response_body = null,
                               response_headers = '{}'::jsonb, created_at = now(), expires_at = excluded.expires_at
                         where kyodo_idempotency_key.expires_at < now()
                        """)) {
            bind(insert, scope);
            insert.setString(5, requestHash);
            insert.setString(6, retention.toSeconds() + " seconds");
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim idempotency key", e);
        }
    }

    void complete(Scope scope, StoredResponse response) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement("""
                        update kyodo_idempotency_key
                           set response_status = ?, response_body = ?, response_headers = ?::jsonb
                         where caller = ? and method = ? and path = ? and idempotency_key = ?
                        """)) {
            update.setInt(1, response.status());
            update.setString(2, response.body());
            update.setString(3, mapper.writeValueAsString(response.headers()));
            update.setString(4, scope.caller());
            update.setString(5, scope.method());
            update.setString(6, scope.path());
            update.setString(7, scope.key());
            update.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("could not store idempotent response", e);
        }
    }

    Optional<StoredResponse> find(Scope scope) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("""
                        select request_hash, response_status, response_body, response_headers
                          from kyodo_idempotency_key
                         where caller = ? and method = ? and path = ? and idempotency_key = ?
                        """)) {
            bind(select, scope);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3),
                        mapper.readValue(rs.getString(4), HEADERS)));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not read idempotency key", e);
        }
    }

    @Scheduled(every = "10m", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from kyodo_idempotency_key where expires_at < now()")) {
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete expired idempotency keys", e);
        }
    }

    private static void bind(PreparedStatement statement, Scope scope) throws SQLException {
        statement.setString(1, scope.caller());
        statement.setString(2, scope.method());
        statement.setString(3, scope.path());
        statement.setString(4, scope.key());
    }
}
