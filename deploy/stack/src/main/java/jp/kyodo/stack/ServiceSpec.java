package jp.kyodo.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One packaged Quarkus application the stack runs as {@code java -jar <jar>}.
 *
 * @param name             component name, e.g. {@code proposal-service}
 * @param jar              its {@code target/quarkus-app/quarkus-run.jar}
 * @param port             HTTP port on 127.0.0.1
 * @param database         its PostgreSQL database, or {@code null} (the gateway has none)
 * @param apiArea          the gateway routes {@code /api/<apiArea>} to it ({@code kyodo.gateway.upstream.<apiArea>}),
 *                         or {@code null}
 * @param gateway          whether this is the gateway (started after the others, told where they are)
 * @param systemProperties extra {@code -D} properties
 * @param environment      extra environment variables
 */
public record ServiceSpec(String name, Path jar, int port, String database, String apiArea, boolean gateway,
                          Map<String, String> systemProperties, Map<String, String> environment) {

    public static final String DIRECTORY = "directory-service";
    public static final String PROPOSALS = "proposal-service";
    public static final String AGREEMENTS = "agreement-service";
    public static final String EVALUATIONS = "evaluation-service";
    public static final String NOTIFICATIONS = "notification-service";
    public static final String GATEWAY = "gateway";

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        systemProperties = Map.copyOf(systemProperties);
        environment = Map.copyOf(environment);
    }

    /** The six applications of the system with their default ports, in start order (the gateway last). */
    public static List<ServiceSpec> defaults(Path repoRoot) {
        return List.of(
                domain(repoRoot, DIRECTORY, 8081, "kyodo_directory", "directory"),
                domain(repoRoot, PROPOSALS, 8082, "kyodo_proposals", "proposals"),
                domain(repoRoot, AGREEMENTS, 8083, "kyodo_agreements", "agreements"),
                domain(repoRoot, EVALUATIONS, 8084, "kyodo_evaluations", "evaluations"),
                domain(repoRoot, NOTIFICATIONS, 8085, "kyodo_notifications", "notifications"),
                new ServiceSpec(GATEWAY, runJar(repoRoot, "gateway"), 8080, null, null, true, Map.of(), Map.of()));
    }

    /** {@code <repo>/<module>/target/quarkus-app/quarkus-run.jar}. */
    public static Path runJar(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private static ServiceSpec domain(Path repoRoot, String module, int port, String database, String apiArea) {
        return new ServiceSpec(module, runJar(repoRoot, module), port, database, apiArea, false, Map.of(), Map.of());
    }

    public boolean jarExists() {
        return Files.isRegularFile(jar);
    }

    /**
     * Replica {@code n} (2, 3, ...) of this application, named {@code <name>-<n>}: the same jar, database and API area,
     * on another port.
     */
    public ServiceSpec replica(int n, int newPort) {
        if (n < 2) {
            throw new IllegalArgumentException("replica numbers start at 2 (the stack's own instance is the first)");
        }
        return new ServiceSpec(name + "-" + n, jar, newPort, database, apiArea, gateway, systemProperties, environment);
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, jar, newPort, database, apiArea, gateway, systemProperties, environment);
    }

    public ServiceSpec withSystemProperty(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(systemProperties);
        copy.put(key, value);
        return new ServiceSpec(name, jar, port, database, apiArea, gateway, copy, environment);
    }
}
