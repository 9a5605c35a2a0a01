package jp.kyodo.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** PostgreSQL from zonky's embedded binaries, with a data directory kept between runs. */
final class PostgresComponent extends Component {

    private EmbeddedPostgres postgres;

    PostgresComponent(StackConfig config, Progress progress) {
        super(Stack.POSTGRES, config, progress);
    }

    private Path dataDirectory() {
        return config.dataDir().resolve("postgres");
    }

    @Override
    void start() throws Exception {
        Ports.requireFree("PostgreSQL", port());
        Path data = dataDirectory();
        boolean existing = Files.exists(data.resolve("PG_VERSION"));
        Files.createDirectories(data.getParent());
        prepareLog();
        if (existing && pid().isEmpty()) {
            Files.deleteIfExists(data.resolve("postmaster.pid")); // left by a killed server whose PID is gone
        }
        Path binaries = config.cacheDir().resolve("postgres");
        Files.createDirectories(binaries);
        progress.step("PostgreSQL: starting on port " + port() + (existing ? " (existing data)" : " (new data directory)"));
        long t0 = System.nanoTime();
        List<String> created;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setRegisterShutdownHook(false) // the stack's own hook stops it, in order
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .setPGStartupWait(config.infrastructureTimeout())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .start();
            created = createDatabases();
        } catch (Exception e) {
            stop(); // also a server that came up while this start was being cancelled
            throw new StackException("PostgreSQL did not start: " + e.getMessage(), logFile(), e);
        }
        progress.step("PostgreSQL: ready in " + Progress.since(t0)
                + (created.isEmpty() ? "" : " (created databases " + String.join(", ", created) + ")"));
    }

    private List<String> createDatabases() throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(config.jdbcUrl("postgres"), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD)) {
            try (Statement s = c.createStatement()) {
                // Local trust authentication accepts any password; set it anyway so password auth works as well.
                s.execute("ALTER USER " + StackConfig.DB_USER + " PASSWORD '" + StackConfig.DB_PASSWORD + "'");
            }
            for (String db : config.databases()) {
                if (!db.matches("[a-z_][a-z0-9_]*")) {
                    throw new StackException("invalid database name " + db);
                }
                boolean exists;
                try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                    q.setString(1, db);
                    try (ResultSet rs = q.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + db + " OWNER " + StackConfig.DB_USER + " ENCODING 'UTF8'");
                    }
                    created.add(db);
                }
            }
        }
        return created;
    }

    @Override
    void stop() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        boolean alive = pid().isPresent();
        if (running != null) {
            try {
                running.close(); // pg_ctl stop, fast mode
            } catch (IOException | RuntimeException e) {
                if (alive) { // otherwise it had stopped already (Ctrl-C reaches it too)
                    progress.step("PostgreSQL: stop reported " + e.getMessage());
                }
            }
        }
        // A server this object has no handle on (a cancelled start), or one pg_ctl could not stop.
        pid().ifPresent(pid -> ProcessHandle.of(pid).ifPresent(p -> {
            p.destroy(); // SIGTERM: smart shutdown
            try {
                p.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }));
    }

    @Override
    boolean isRunning() {
        return postgres != null && pid().isPresent();
    }

    @Override
    int port() {
        return config.postgresPort();
    }

    @Override
    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/";
    }

    /** The postmaster's PID, from its pid file. */
    @Override
    OptionalLong pid() {
        Path pidFile = dataDirectory().resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                String first = Files.readAllLines(pidFile).get(0).trim();
                long pid = Long.parseLong(first);
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return OptionalLong.of(pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not running
        }
        return OptionalLong.empty();
    }

    @Override
    Path logFile() {
        return config.logsDir().resolve("postgres.log");
    }
}
