package jp.kyodo.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * A real S3-compatible object store for component tests: S3Proxy with its filesystem backend, run as a separate JVM
 * (its Jetty, jclouds and Guava would clash with Quarkus inside the test JVM), once per test JVM, on a free port.
 * The jar comes from the local Maven repository ({@code kyodo.s3proxy.jar}, set by the build).
 */
public final class ObjectStoreServer {

    private static final Logger LOG = Logger.getLogger(ObjectStoreServer.class);
    public static final String ACCESS_KEY = "kyodo";
    public static final String SECRET_KEY = "kyodo-secret";

    private static Process process;
    private static int port;
    private static Path dataDir;
    private static long launchedAt;

    private ObjectStoreServer() {
    }

    /** Starts S3Proxy if it is not running; returns at once (see {@link #awaitReady()}). */
    public static synchronized void launch() {
        if (process != null) {
            return;
        }
        String jar = System.getProperty("kyodo.s3proxy.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("S3Proxy jar not found (kyodo.s3proxy.jar=" + jar
                    + "); build through the reactor so platform/testing fetches it");
        }
        try {
            port = freePort();
            dataDir = Files.createTempDirectory("kyodo-s3");
            Path properties = dataDir.resolve("s3proxy.properties");
            Files.createDirectories(dataDir.resolve("data"));
            Files.writeString(properties, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dataDir.resolve("data"), ""));
            process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar,
                    "--properties", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(dataDir.resolve("s3proxy.log").toFile()).start();
            launchedAt = System.nanoTime();
            Runtime.getRuntime().addShutdownHook(new Thread(ObjectStoreServer::stop, "stop-s3proxy"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy", e);
        }
    }

    /** Waits until S3Proxy accepts connections. */
    public static void awaitReady() {
        launch();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!isListening()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited; see " + dataDir.resolve("s3proxy.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy not ready in 60 s; see " + dataDir.resolve("s3proxy.log"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        LOG.infof("S3Proxy ready on port %d in %d ms", port, (System.nanoTime() - launchedAt) / 1_000_000);
    }

    /** The settings that point a service at this store. */
    public static Map<String, String> config() {
        return Map.of("kyodo.object-store.endpoint", "http://127.0.0.1:" + port,
                "kyodo.object-store.access-key", ACCESS_KEY,
                "kyodo.object-store.secret-key", SECRET_KEY);
    }

    /** Stops the store (a test of an outage); {@link #restart()} brings it back with the same data and port. */
    public static synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static synchronized void restart() {
        stop();
        try {
            process = new ProcessBuilder(commandOf(Path.of(System.getProperty("java.home"), "bin", "java").toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("s3proxy.log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launchedAt = System.nanoTime();
        awaitReady();
    }

    private static List<String> commandOf(String javaExecutable) {
        return List.of(javaExecutable, "-Xmx128m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                System.getProperty("kyodo.s3proxy.jar"), "--properties", dataDir.resolve("s3proxy.properties").toString());
    }

    /** Where S3Proxy keeps the objects: {@code <dir>/<bucket>/<key>}. */
    public static Path dataDirectory() {
        return dataDir.resolve("data");
    }

    static void deleteData() {
        if (dataDir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("could not delete " + dataDir, e);
        }
    }

    private static boolean isListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
