package jp.kyodo.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where the stack keeps its data, which ports it uses and which applications it knows. Immutable; build it with
 * {@link #builder(Path)}. Defaults are the local ports of ARCHITECTURE.md; {@link Builder#randomPorts()} picks free
 * ones (tests).
 */
public final class StackConfig {

    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String REALM = "kyodo";
    public static final List<String> DOMAIN_TOPICS =
            List.of("kyodo.directory.v1", "kyodo.proposals.v1", "kyodo.agreements.v1", "kyodo.evaluations.v1",
                    "kyodo.tasks.v1");
    /**
     * Services that run for long (the local stack, the benchmark, a deployment): the full JIT. Under a minute or two of
     * load it costs more than C1 alone (C2 compiling on the same cores), after that it serves a public read with about a
     * third of C1's CPU (README, performance). A service's classes take 100–130 MB of metaspace: below that threshold
     * every step of its growth was a full collection (four or five per service, 0.2–2 s each on shared cores).
     */
    public static final List<String> DEFAULT_SERVICE_JVM_ARGS =
            List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:MetaspaceSize=192m");
    /** Services started for a few minutes (the system tests): C1 alone compiles quickly and leaves the cores alone. */
    public static final List<String> SHORT_LIVED_SERVICE_JVM_ARGS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-XX:MetaspaceSize=192m");

    private static final Properties VERSIONS = loadVersions();

    private final Path repoRoot;
    private final Path dataDir;
    private final Path logsDir;
    private final Path cacheDir;
    private final Path realmFile;
    private final Path localRepository;
    private final int postgresPort;
    private final int kafkaPort;
    private final int kafkaControllerPort;
    private final int keycloakPort;
    private final int smtpPort;
    private final int smtpApiPort;
    private final int objectStorePort;
    private final List<ServiceSpec> services;
    private final List<String> serviceJvmArgs;
    private final Duration infrastructureTimeout;
    private final Duration keycloakTimeout;
    private final Duration serviceTimeout;
    private final Consumer<String> progress;

    private StackConfig(Builder b) {
        this.repoRoot = b.repoRoot;
        this.dataDir = b.dataDir != null ? b.dataDir : repoRoot.resolve(".kyodo");
        this.logsDir = b.logsDir != null ? b.logsDir : dataDir.resolve("logs");
        this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir();
        this.realmFile = b.realmFile != null ? b.realmFile : repoRoot.resolve("deploy/keycloak/kyodo-realm.json");
        this.localRepository = b.localRepository != null ? b.localRepository : defaultLocalRepository();
        this.postgresPort = port(b.postgresPort, 15432, b.randomPorts);
        this.kafkaPort = port(b.kafkaPort, 9092, b.randomPorts);
        this.kafkaControllerPort = port(b.kafkaControllerPort, 9093, b.randomPorts);
        this.keycloakPort = port(b.keycloakPort, 8180, b.randomPorts);
        this.smtpPort = port(b.smtpPort, 3025, b.randomPorts);
        this.smtpApiPort = port(b.smtpApiPort, 8025, b.randomPorts);
        this.objectStorePort = port(b.objectStorePort, 9000, b.randomPorts);
        List<ServiceSpec> list = new ArrayList<>();
        for (ServiceSpec spec : b.services.values()) {
            Integer explicit = b.servicePorts.get(spec.name());
            list.add(spec.withPort(port(explicit, spec.port(), b.randomPorts)));
        }
        this.services = List.copyOf(list);
        List<String> jvmArgs = new ArrayList<>(b.serviceJvmArgs);
        String opens = "--add-opens=java.base/java.lang=ALL-UNNAMED";
        if (Runtime.version().feature() >= 25 && !jvmArgs.contains(opens)) {
            // jboss-threads needs it on JDK 25 to shut down without errors, whatever options were chosen.
            jvmArgs.add(opens);
        }
        this.serviceJvmArgs = List.copyOf(jvmArgs);
        this.infrastructureTimeout = b.infrastructureTimeout;
        this.keycloakTimeout = b.keycloakTimeout;
        this.serviceTimeout = b.serviceTimeout;
        this.progress = b.progress;
    }

    private static int port(Integer explicit, int fallback, boolean random) {
        if (explicit != null) {
            return explicit;
        }
        return random ? Ports.freePort() : fallback;
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** Local defaults: data under {@code <repo>/.kyodo}, the documented ports. */
    public static StackConfig defaults(Path repoRoot) {
        return builder(repoRoot).build();
    }

    /** {@code $KYODO_CACHE}, or {@code ~/.cache/kyodo}. */
    public static Path defaultCacheDir() {
        String env = System.getenv("KYODO_CACHE");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "kyodo");
    }

    /** {@code -Dmaven.repo.local}, or {@code ~/.m2/repository}. */
    public static Path defaultLocalRepository() {
        String prop = System.getProperty("maven.repo.local");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    public static String keycloakVersion() {
        return VERSIONS.getProperty("keycloak.version");
    }

    public static String greenmailVersion() {
        return VERSIONS.getProperty("greenmail.version");
    }

    /** The self-contained GreenMail jar in the local Maven repository (the stack module's build downloads it). */
    public Path greenmailJar() {
        String v = greenmailVersion();
        return localRepository.resolve("com/icegreen/greenmail-standalone").resolve(v)
                .resolve("greenmail-standalone-" + v + ".jar");
    }

    public static String s3proxyVersion() {
        return VERSIONS.getProperty("s3proxy.version");
    }

    private static Properties loadVersions() {
        Properties props = new Properties();
        try (InputStream in = StackConfig.class.getResourceAsStream("kyodo-stack.properties")) {
            if (in == null) {
                throw new IllegalStateException("kyodo-stack.properties missing from the kyodo-stack jar");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Root of the stack's data: postgres/, kafka/, keycloak/, services/ (and logs/ unless placed elsewhere). */
    public Path dataDir() {
        return dataDir;
    }

    public Path logsDir() {
        return logsDir;
    }

    /** Unpacked downloads kept between runs and outside target/ (the Keycloak distribution, PostgreSQL binaries). */
    public Path cacheDir() {
        return cacheDir;
    }

    public Path realmFile() {
        return realmFile;
    }

    public Path localRepository() {
        return localRepository;
    }

    /** The Keycloak distribution archive Maven downloaded as a dependency of kyodo-stack. */
    public Path keycloakArchive() {
        String v = keycloakVersion();
        return localRepository.resolve("org/keycloak/keycloak-quarkus-dist").resolve(v)
                .resolve("keycloak-quarkus-dist-" + v + ".tar.gz");
    }

    public int postgresPort() {
        return postgresPort;
    }

    public int kafkaPort() {
        return kafkaPort;
    }

    public int kafkaControllerPort() {
        return kafkaControllerPort;
    }

    public int keycloakPort() {
        return keycloakPort;
    }

    /** The S3-compatible object store (S3Proxy locally). */
    public int objectStorePort() {
        return objectStorePort;
    }

    public String objectStoreUrl() {
        return "http://127.0.0.1:" + objectStorePort;
    }

    /** S3Proxy's self-contained jar in the local Maven repository (the stack's build fetches it). */
    public Path s3proxyJar() {
        String v = s3proxyVersion();
        return localRepository.resolve("org/gaul/s3proxy").resolve(v).resolve("s3proxy-" + v + "-jar-with-dependencies.jar");
    }

    /** The applications in start order (the gateway last). */
    public List<ServiceSpec> services() {
        return services;
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name + "; known: "
                        + services.stream().map(ServiceSpec::name).toList()));
    }

    /** The databases created at start: those of the known services. */
    public Set<String> databases() {
        Set<String> dbs = new TreeSet<>(List.of("kyodo_directory", "kyodo_proposals", "kyodo_agreements",
                "kyodo_evaluations", "kyodo_notifications"));
        services.stream().map(ServiceSpec::database).filter(Objects::nonNull).forEach(dbs::add);
        return dbs;
    }

    public List<String> serviceJvmArgs() {
        return serviceJvmArgs;
    }

    public Duration infrastructureTimeout() {
        return infrastructureTimeout;
    }

    public Duration keycloakTimeout() {
        return keycloakTimeout;
    }

    public Duration serviceTimeout() {
        return serviceTimeout;
    }

    Consumer<String> progress() {
        return progress;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** The stack's SMTP server (GreenMail). */
    public int smtpPort() {
        return smtpPort;
    }

    /** GreenMail's HTTP API, to read the mails sent ({@code /api/user/<address>/messages/INBOX}). */
    public int smtpApiPort() {
        return smtpApiPort;
    }

    public String smtpApiUrl() {
        return "http://127.0.0.1:" + smtpApiPort;
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + keycloakPort;
    }

    /** The OIDC issuer the services validate tokens against. */
    public String issuerUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public static final class Builder {
        private final Path repoRoot;
        private Path dataDir;
        private Path logsDir;
        private Path cacheDir;
        private Path realmFile;
        private Path localRepository;
        private Integer postgresPort;
        private Integer kafkaPort;
        private Integer kafkaControllerPort;
        private Integer keycloakPort;
        private Integer smtpPort;
        private Integer smtpApiPort;
        private Integer objectStorePort;
        private boolean randomPorts;
        private final Map<String, ServiceSpec> services = new LinkedHashMap<>();
        private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
        private List<String> serviceJvmArgs = new ArrayList<>(DEFAULT_SERVICE_JVM_ARGS);
        private Duration infrastructureTimeout = Duration.ofSeconds(120);
        private Duration keycloakTimeout = Duration.ofSeconds(300);
        private Duration serviceTimeout = Duration.ofSeconds(180);
        private Consumer<String> progress = System.out::println;

        private Builder(Path repoRoot) {
            this.repoRoot = repoRoot.toAbsolutePath().normalize();
            ServiceSpec.defaults(this.repoRoot).forEach(s -> services.put(s.name(), s));
        }

        public Builder dataDir(Path dir) {
            this.dataDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder logsDir(Path dir) {
            this.logsDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder cacheDir(Path dir) {
            this.cacheDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder realmFile(Path file) {
            this.realmFile = file.toAbsolutePath().normalize();
            return this;
        }

        public Builder localRepository(Path dir) {
            this.localRepository = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        public Builder keycloakPort(int port) {
            this.keycloakPort = port;
            return this;
        }

        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        public Builder smtpApiPort(int port) {
            this.smtpApiPort = port;
            return this;
        }

        public Builder objectStorePort(int port) {
            this.objectStorePort = port;
            return this;
        }

        public Builder servicePort(String service, int port) {
            requireKnown(service);
            servicePorts.put(service, port);
            return this;
        }

        /** Every port not set explicitly is a free one chosen at {@link #build()}. */
        public Builder randomPorts() {
            this.randomPorts = true;
            return this;
        }

        /** Adds a service or replaces the one with the same name. */
        public Builder service(ServiceSpec spec) {
            services.put(spec.name(), spec);
            return this;
        }

        public Builder updateService(String service, UnaryOperator<ServiceSpec> change) {
            requireKnown(service);
            services.put(service, change.apply(services.get(service)));
            return this;
        }

        public Builder serviceProperty(String service, String key, String value) {
            return updateService(service, s -> s.withSystemProperty(key, value));
        }

        /** JVM options of every service (default {@link #DEFAULT_SERVICE_JVM_ARGS}). */
        public Builder serviceJvmArgs(List<String> args) {
            this.serviceJvmArgs = new ArrayList<>(args);
            return this;
        }

        public Builder infrastructureTimeout(Duration timeout) {
            this.infrastructureTimeout = timeout;
            return this;
        }

        public Builder keycloakTimeout(Duration timeout) {
            this.keycloakTimeout = timeout;
            return this;
        }

        public Builder serviceTimeout(Duration timeout) {
            this.serviceTimeout = timeout;
            return this;
        }

        /** Where the progress lines go (default: standard output). */
        public Builder progress(Consumer<String> sink) {
            this.progress = Objects.requireNonNull(sink);
            return this;
        }

        private void requireKnown(String service) {
            if (!services.containsKey(service)) {
                throw new IllegalArgumentException("unknown service " + service + "; known: " + services.keySet());
            }
        }

        public StackConfig build() {
            return new StackConfig(this);
        }
    }
}
