package jp.kyodo.stack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} archive in the local Maven repository, unpacked once into the cache
 * folder and run with {@code kc.sh start-dev --import-realm}.
 *
 * <p>The unpacked distribution is shared (it holds the one-time server build); each stack keeps Keycloak's database
 * (H2 file) in its own data folder through {@code kc.db-url-path}. Keycloak imports a realm only when it does not exist
 * yet, so when the realm file differs from the one imported before, that database is recreated and the realm imported
 * again. Starts are serialised across processes with a lock file because the import folder and the first build are
 * shared.
 */
final class KeycloakComponent extends ProcessComponent {

    private static final ReentrantLock IN_PROCESS = new ReentrantLock();
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";


    KeycloakComponent(StackConfig config, Progress progress) {
        super(Stack.KEYCLOAK, config, progress, Duration.ofSeconds(30));
    }

    /** The unpacked distribution. */
    Path home() {
        return config.cacheDir().resolve("keycloak-" + StackConfig.keycloakVersion());
    }

    /** Per-stack Keycloak state: the H2 database lives in {@code data/h2} below it. */
    private Path state() {
        return config.dataDir().resolve("keycloak");
    }

    @Override
    void start() throws Exception {
        Ports.requireFree("Keycloak", port());
        if (!Files.isRegularFile(config.realmFile())) {
            throw new StackException("Keycloak: realm file " + config.realmFile() + " not found");
        }
        prepareLog();
        Files.createDirectories(config.cacheDir());
        long t0 = System.nanoTime();
        IN_PROCESS.lockInterruptibly();
        try (FileChannel channel = FileChannel.open(config.cacheDir().resolve("keycloak.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             FileLock ignored = lock(channel)) {
            unpackOnce();
            startLocked(t0);
        } finally {
            IN_PROCESS.unlock();
        }
    }

    private FileLock lock(FileChannel channel) throws IOException, InterruptedException {
        FileLock lock = channel.tryLock();
        if (lock != null) {
            return lock;
        }
        progress.step("Keycloak: waiting for another stack to finish starting its Keycloak");
        while (true) {
            Thread.sleep(500);
            lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        }
    }

    private void unpackOnce() throws IOException, InterruptedException {
        Path home = home();
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return;
        }
        Path archive = config.keycloakArchive();
        if (!Files.isRegularFile(archive)) {
            throw new StackException("Keycloak: distribution " + archive + " not found; build deploy/stack first"
                    + " (./mvnw -pl deploy/stack -am package) so that Maven downloads it");
        }
        progress.step("Keycloak: unpacking " + archive.getFileName() + " into " + home.getParent()
                + " (first run only)…");
        long t0 = System.nanoTime();
        Path tmp = Files.createTempDirectory(config.cacheDir(), "keycloak-unpack-");
        try {
            ChildProcess.run("tar", List.of("tar", "-xzf", archive.toString(), "-C", tmp.toString()), tmp,
                    config.logsDir().resolve("keycloak-unpack.log"), Duration.ofMinutes(5));
            Path top;
            try (Stream<Path> children = Files.list(tmp)) {
                top = children.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new StackException("Keycloak: archive " + archive + " holds no folder"));
            }
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            FileUtil.deleteRecursively(tmp);
        }
        progress.step("Keycloak: unpacked in " + Progress.since(t0));
    }

    private void startLocked(long t0) throws Exception {
        Path home = home();
        Path built = home.resolve(".kyodo-built");
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        try (Stream<Path> old = Files.list(importDir)) {
            for (Path p : old.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.copy(config.realmFile(), importDir.resolve(StackConfig.REALM + "-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);

        Path db = state().resolve("data");
        Path realmHash = state().resolve("imported-realm.sha256");
        String hash = FileUtil.sha256(config.realmFile());
        if (Files.exists(db)) {
            String previous = Files.exists(realmHash) ? Files.readString(realmHash).trim() : "";
            if (!previous.equals(hash)) {
                progress.step("Keycloak: the realm file changed since it was imported; recreating Keycloak's database");
                FileUtil.deleteRecursively(db);
            }
        }
        Files.createDirectories(state());

        boolean firstBuild = !Files.exists(built);
        progress.step("Keycloak: starting on port " + port()
                + (firstBuild ? " (the first start builds the server: about a minute)" : ""));
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port(),
                "--import-realm",
                "-Dkc.db-url-path=" + state(),
                "-Dquarkus.transaction-manager.object-store.directory=" + state().resolve("transaction-logs")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("KC_LOG_CONSOLE_COLOR", "false");
        process = ChildProcess.start("Keycloak", command, state(), env, logFile(), true);
        String probe = config.issuerUrl() + "/.well-known/openid-configuration";
        process.awaitReady(config.keycloakTimeout(), () -> Http.isOk(probe));
        Files.writeString(realmHash, hash, StandardCharsets.UTF_8);
        if (firstBuild) {
            Files.writeString(built, "built by kyodo-stack\n", StandardCharsets.UTF_8);
        }
        progress.step("Keycloak: ready in " + Progress.since(t0));
    }



    @Override
    int port() {
        return config.keycloakPort();
    }

    @Override
    String url() {
        return config.keycloakUrl();
    }


    @Override
    Path logFile() {
        return config.logsDir().resolve("keycloak.log");
    }
}
