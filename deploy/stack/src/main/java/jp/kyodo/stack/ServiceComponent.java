package jp.kyodo.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A packaged Quarkus application run as {@code java -jar quarkus-run.jar}, wired to the stack's infrastructure. */
final class ServiceComponent extends ProcessComponent {

    static final String BUILD_HINT = "build first: ./mvnw package -DskipTests";

    private final ServiceSpec spec;
    /** Extra environment of the next start only (a fault test arming failpoints); later starts go without it. */
    private Map<String, String> nextStartEnvironment = Map.of();
    /** Database of the next start only (a restored backup), instead of the service's own; null = its own. */
    private String nextStartDatabase;
    /** JVM options of the next start only (the benchmark comparing settings); null = the stack's. */
    private List<String> nextStartJvmArgs;

    ServiceComponent(ServiceSpec spec, StackConfig config, Progress progress) {
        super(spec.name(), config, progress, Duration.ofSeconds(20));
        this.spec = spec;
    }

    void setNextStartEnvironment(Map<String, String> environment) {
        nextStartEnvironment = Map.copyOf(environment);
    }

    void setNextStartDatabase(String database) {
        nextStartDatabase = database;
    }

    void setNextStartJvmArgs(List<String> jvmArgs) {
        nextStartJvmArgs = jvmArgs == null ? null : List.copyOf(jvmArgs);
    }

    ServiceSpec spec() {
        return spec;
    }

    @Override
    String unavailableReason() {
        return spec.jarExists() ? null : spec.name() + ": " + spec.jar() + " is missing — " + BUILD_HINT;
    }

    @Override
    void start() throws Exception {
        String reason = unavailableReason();
        if (reason != null) {
            throw new StackException(reason);
        }
        Ports.requireFree(name, port());
        prepareLog();
        progress.step(name + ": starting on port " + port());
        long t0 = System.nanoTime();
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.putAll(nextStartEnvironment);
        nextStartEnvironment = Map.of();
        if (environment.size() > spec.environment().size()) {
            progress.step(name + ": extra environment for this start: " + environment.keySet());
        }
        String database = nextStartDatabase != null ? nextStartDatabase : spec.database();
        nextStartDatabase = null;
        List<String> jvmArgs = nextStartJvmArgs != null ? nextStartJvmArgs : config.serviceJvmArgs();
        nextStartJvmArgs = null;
        if (!Objects.equals(database, spec.database())) {
            progress.step(name + ": on database " + database + " for this start");
        }
        process = ChildProcess.start(name, command(database, jvmArgs), config.dataDir().resolve("services").resolve(name),
                environment, logFile(), true);
        process.awaitReady(config.serviceTimeout(), () -> Http.isOk(url() + "/q/health/ready"));
        progress.step(name + ": ready in " + Progress.since(t0));
    }

    /** The full command line (also useful to run one service by hand). */
    List<String> command() {
        return command(spec.database(), config.serviceJvmArgs());
    }

    private List<String> command(String database, List<String> jvmArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(FileUtil.javaExecutable());
        cmd.addAll(jvmArgs);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.http.port", String.valueOf(port()));
        props.put("quarkus.http.host", "127.0.0.1");
        if (database != null) {
            // The application name tells the replicas' sessions apart in pg_stat_activity (who holds which lock).
            props.put("quarkus.datasource.jdbc.url", config.jdbcUrl(database) + "?ApplicationName=" + name);
            props.put("quarkus.datasource.username", StackConfig.DB_USER);
            props.put("quarkus.datasource.password", StackConfig.DB_PASSWORD);
        }
        if (!spec.gateway()) {
            props.put("kafka.bootstrap.servers", config.kafkaBootstrapServers());
            props.put("kyodo.object-store.endpoint", config.objectStoreUrl());
            props.put("kyodo.object-store.access-key", ObjectStoreComponent.ACCESS_KEY);
            props.put("kyodo.object-store.secret-key", ObjectStoreComponent.SECRET_KEY);
        }
        if (ServiceSpec.AGREEMENTS.equals(spec.name())) {
            // A demo CA, the city's key and the witness key, created at the first start and kept with the data.
            props.put("kyodo.documents.demo-pki", "true");
            props.put("kyodo.documents.pki-dir", config.dataDir().resolve("pki").toString());
        }
        props.put("quarkus.oidc.auth-server-url", config.issuerUrl());
        if (ServiceSpec.NOTIFICATIONS.equals(spec.name())) {
            props.put("quarkus.mailer.host", "127.0.0.1");
            props.put("quarkus.mailer.port", String.valueOf(config.smtpPort()));
            props.put("kyodo.keycloak.url", config.keycloakUrl());
            String gateway = config.services().stream().filter(ServiceSpec::gateway).findFirst()
                    .map(g -> "http://127.0.0.1:" + g.port()).orElse("http://127.0.0.1:8080");
            props.put("kyodo.notifications.link-base", gateway);
            props.put("kyodo.notifications.feed-base", gateway);
        }
        if (spec.gateway()) {
            props.put("kyodo.gateway.access-log.file", config.logsDir().resolve(name + "-access.log").toString());
            for (ServiceSpec upstream : config.services()) {
                if (upstream.apiArea() != null) {
                    props.put("kyodo.gateway.upstream." + upstream.apiArea(), "http://127.0.0.1:" + upstream.port());
                }
            }
        }
        props.putAll(spec.systemProperties());
        props.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(spec.jar().toString());
        return cmd;
    }



    @Override
    int port() {
        return spec.port();
    }

    @Override
    String url() {
        return "http://127.0.0.1:" + port();
    }


    @Override
    Path logFile() {
        return config.logsDir().resolve(name + ".log");
    }
}
