package jp.kyodo.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import jp.kyodo.platform.db.DatabaseOutage;

/** A database that cannot be reached is the server's temporary trouble: 503 with Retry-After, never a 500. */
class DatabaseOutageProblemTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aRefusedConnectionIsA503WithRetryAfter() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        Response response = mappers.unexpected(new PersistenceException("could not prepare statement", refused), null,
                null);
        assertUnavailable(response);
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIsA503() {
        assertUnavailable(mappers.unexpected(new SQLException("Sorry, acquisition timeout!"), null, null));
        assertUnavailable(mappers.unexpected(new SQLTransientConnectionException("pool exhausted"), null, null));
    }

    @Test
    void hibernatesConnectionFailureAndAServerShuttingDownAre503() {
        assertUnavailable(mappers.unexpected(new JDBCConnectionException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006")), null, null));
        assertUnavailable(mappers.unexpected(new PersistenceException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")), null, null));
    }

    @Test
    void otherDatabaseErrorsAreNotOutages() {
        assertThat(DatabaseOutage.isCauseOf(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new SQLException("something else"))).isFalse();
        assertThat(DatabaseOutage.isCauseOf(new IllegalStateException("no database involved"))).isFalse();
        Response response = mappers.unexpected(new SQLException("division by zero", "22012"), null, null);
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }

    private static void assertUnavailable(Response response) {
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(ProblemMappers.RETRY_AFTER_SECONDS);
        assertThat(((Problem) response.getEntity()).type).isEqualTo("urn:kyodo:problem:service-unavailable");
    }
}
