package jp.kyodo.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import jp.kyodo.stack.StackConfig;

/**
 * A data-only backup of a database's public schema, taken with COPY through the JDBC driver because the embedded
 * PostgreSQL brings no {@code pg_dump}: every table in PostgreSQL's binary COPY format and every sequence's value, all
 * read in one repeatable-read snapshot as {@code pg_dump} does. The schema is not in it: it is restored into a
 * database whose schema the service's own migrations created, so the column layout matches.
 */
final class TableCopyBackup {

    private final Path directory;
    private final List<String> tables;
    /** Sequence name → last value, null if the sequence was never used. */
    private final Map<String, Long> sequences;

    private TableCopyBackup(Path directory, List<String> tables, Map<String, Long> sequences) {
        this.directory = directory;
        this.tables = tables;
        this.sequences = sequences;
    }

    /** Copies every table and sequence of the database's public schema into files under {@code directory}. */
    static TableCopyBackup take(String jdbcUrl, Path directory) throws SQLException, IOException {
        Files.createDirectories(directory);
        try (Connection c = connect(jdbcUrl)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            List<String> tables = names(c, "select tablename from pg_tables where schemaname = 'public' order by 1");
            Map<String, Long> sequences = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "select sequencename, last_value from pg_sequences where schemaname = 'public' order by 1")) {
                while (rs.next()) {
                    sequences.put(rs.getString(1), rs.getObject(2, Long.class));
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(directory.resolve(table + ".copy"))) {
                    copy.copyOut("COPY public." + quoted(table) + " TO STDOUT (FORMAT binary)", out);
                }
            }
            c.commit();
            return new TableCopyBackup(directory, List.copyOf(tables), sequences);
        }
    }

    List<String> tables() {
        return tables;
    }

    /**
     * Replaces the contents of the database's tables with the backup's, in one transaction, and sets the sequences
     * to the backup's values. The database must have the same tables (its schema made by the same migrations).
     */
    void restoreInto(String jdbcUrl) throws SQLException, IOException {
        try (Connection c = connect(jdbcUrl)) {
            c.setAutoCommit(false);
            List<String> present = names(c, "select tablename from pg_tables where schemaname = 'public' order by 1");
            if (!present.equals(tables)) {
                throw new IllegalStateException("the target's tables " + present + " are not the backup's " + tables);
            }
            try (Statement s = c.createStatement()) {
                // Foreign keys and triggers (the outbox's NOTIFY) stay quiet while the rows are loaded table by table.
                s.execute("set local session_replication_role = replica");
                s.execute("truncate " + String.join(", ", tables.stream().map(t -> "public." + quoted(t)).toList()));
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                try (InputStream in = Files.newInputStream(directory.resolve(table + ".copy"))) {
                    copy.copyIn("COPY public." + quoted(table) + " FROM STDIN (FORMAT binary)", in);
                }
            }
            try (Statement s = c.createStatement()) {
                for (Map.Entry<String, Long> sequence : sequences.entrySet()) {
                    String name = "public." + quoted(sequence.getKey());
                    s.execute(sequence.getValue() == null ? "alter sequence " + name + " restart"
                            : "select setval('" + name + "', " + sequence.getValue() + ", true)");
                }
            }
            c.commit();
        }
    }

    /** Creates an empty database on the stack's server. */
    static void createDatabase(String serverJdbcUrl, String name) throws SQLException {
        try (Connection c = connect(serverJdbcUrl); Statement s = c.createStatement()) {
            s.execute("create database " + quoted(name) + " owner " + StackConfig.DB_USER + " encoding 'UTF8'");
        }
    }

    private static Connection connect(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, StackConfig.DB_USER, StackConfig.DB_PASSWORD);
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
