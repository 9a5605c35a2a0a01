package jp.kyodo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked against the applications' own
 * configuration: every application is there with its Dockerfile, listens on the port it is configured for, and every
 * setting that points at this machine (127.0.0.1: a database, the broker, the identity provider, an upstream) is
 * overridden for the container network.
 */
class DockerComposeTest {

    private static final Path REPO = Path.of(System.getProperty("kyodo.repo.root", "../..")).toAbsolutePath().normalize();
    private static final List<String> APPLICATIONS = List.of("directory-service", "proposal-service",
            "agreement-service", "evaluation-service", "notification-service", "gateway");

    private final Map<String, Map<String, Object>> services;

    @SuppressWarnings("unchecked")
    DockerComposeTest() throws IOException {
        try (Reader in = Files.newBufferedReader(REPO.resolve("docker-compose.yml"))) {
            services = (Map<String, Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("services");
        }
    }

    @Test
    void theInfrastructureAndEveryApplicationAreThere() {
        for (String name : List.of("postgres", "kafka", "keycloak", "smtp")) {
            assertTrue(services.containsKey(name), "no " + name + " in docker-compose.yml");
        }
        for (String application : APPLICATIONS) {
            Map<String, Object> service = services.get(application);
            assertTrue(service != null, "no " + application + " in docker-compose.yml");
            @SuppressWarnings("unchecked")
            Map<String, String> build = (Map<String, String>) service.get("build");
            Path dockerfile = REPO.resolve(build.get("context")).resolve(build.get("dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), application + ": no Dockerfile at " + dockerfile);
            assertTrue(service.containsKey("healthcheck"), application + " declares no health check");
            assertTrue(service.containsKey("depends_on"), application + " declares no dependencies");
        }
    }

    @Test
    void eachApplicationListensOnItsConfiguredPortAndEveryLocalAddressIsOverridden() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String application : APPLICATIONS) {
            Map<String, String> environment = environmentOf(services.get(application));
            Properties configuration = new Properties();
            try (Reader in = Files.newBufferedReader(REPO.resolve(application)
                    .resolve("src/main/resources/application.properties"))) {
                configuration.load(in);
            }
            if (!configuration.getProperty("quarkus.http.port").equals(environment.get("QUARKUS_HTTP_PORT"))) {
                problems.add(application + ": QUARKUS_HTTP_PORT " + environment.get("QUARKUS_HTTP_PORT")
                        + " but the application is configured for " + configuration.getProperty("quarkus.http.port"));
            }
            for (String key : configuration.stringPropertyNames()) {
                if (!key.startsWith("%") && configuration.getProperty(key).contains("127.0.0.1")
                        && !environment.containsKey(environmentName(key))) {
                    problems.add(application + ": " + key + " points at 127.0.0.1 and " + environmentName(key)
                            + " is not set");
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** The environment variable MicroProfile Config reads for a property: upper case, other characters as "_". */
    private static String environmentName(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    private static Map<String, String> environmentOf(Map<String, Object> service) {
        Map<String, String> environment = new TreeMap<>();
        ((Map<?, ?>) service.get("environment")).forEach((name, value) -> environment.put(name.toString(),
                String.valueOf(value)));
        return environment;
    }
}
