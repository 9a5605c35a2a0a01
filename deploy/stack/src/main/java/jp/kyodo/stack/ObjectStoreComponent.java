package jp.kyodo.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The S3-compatible object store the services keep their files in: S3Proxy with its filesystem backend, as a child
 * JVM running S3Proxy's self-contained jar (its Jetty, jclouds and Guava stay out of every other JVM). The objects
 * stay under the data folder ({@code objects/<bucket>/<key>}) between runs.
 */
final class ObjectStoreComponent extends ProcessComponent {

    static final String ACCESS_KEY = "kyodo";
    static final String SECRET_KEY = "kyodo-secret";

    ObjectStoreComponent(StackConfig config, Progress progress) {
        super(Stack.OBJECT_STORE, config, progress, Duration.ofSeconds(10));
    }

    private Path home() {
        return config.dataDir().resolve("objectstore");
    }

    /** Where the objects are: one folder per bucket (backups copy it). */
    Path objects() {
        return config.dataDir().resolve("objects");
    }

    @Override
    String unavailableReason() {
        return Files.isRegularFile(config.s3proxyJar()) ? null
                : "object store: " + config.s3proxyJar() + " is missing — build deploy/stack first";
    }

    @Override
    void start() throws Exception {
        String reason = unavailableReason();
        if (reason != null) {
            throw new StackException(reason);
        }
        Ports.requireFree("object store", port());
        Files.createDirectories(home());
        Files.createDirectories(objects());
        prepareLog();
        Path properties = home().resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "# Written by kyodo-stack at every start (the port may change); the objects stay in " + objects(),
                "s3proxy.endpoint=" + url(),
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + objects(), ""), StandardCharsets.UTF_8);
        progress.step("object store (S3Proxy): starting on port " + port());
        long t0 = System.nanoTime();
        process = ChildProcess.start("object store", List.of(FileUtil.javaExecutable(), "-Xmx128m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", config.s3proxyJar().toString(), "--properties",
                properties.toString()), home(), Map.of(), logFile(), true);
        process.awaitReady(config.infrastructureTimeout(), () -> Ports.isListening(port()));
        progress.step("object store: ready in " + Progress.since(t0));
    }

    @Override
    int port() {
        return config.objectStorePort();
    }

    @Override
    String url() {
        return config.objectStoreUrl();
    }

    @Override
    Path logFile() {
        return config.logsDir().resolve("objectstore.log");
    }
}
