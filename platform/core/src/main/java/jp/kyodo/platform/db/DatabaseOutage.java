package jp.kyodo.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a failure means the database could not be reached (down, restarting, no connection to be had in time)
 * rather than that the request or the event was wrong. Such failures are answered with 503 and retried by consumers;
 * they are never a reason to dead-letter an event.
 */
public final class DatabaseOutage {

    /**
     * PostgreSQL's "operator intervention" states: the server is shutting down, crashed or is starting and refuses
     * connections for now.
     */
    private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || SERVER_GOING_OR_COMING.contains(state))) {
                    return true;
                }
                // Agroal's pool gives up waiting for a connection with a plain SQLException and no state.
                String message = sql.getMessage();
                if (state == null && message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (t.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
