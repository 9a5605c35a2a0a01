package jp.kyodo.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigTest {

    private static final Path REPO = Path.of("/nonexistent/kyodo");

    @Test
    void defaultsAreTheDocumentedLocalPortsAndFolders() {
        StackConfig config = StackConfig.defaults(REPO);
        assertEquals(15432, config.postgresPort());
        assertEquals(9092, config.kafkaPort());
        assertEquals(8180, config.keycloakPort());
        assertEquals(3025, config.smtpPort());
        assertEquals(9000, config.objectStorePort());
        assertEquals(List.of("directory-service", "proposal-service", "agreement-service", "evaluation-service",
                "notification-service", "gateway"), config.services().stream().map(ServiceSpec::name).toList());
        assertEquals(List.of(8081, 8082, 8083, 8084, 8085, 8080),
                config.services().stream().map(ServiceSpec::port).toList());
        assertEquals(REPO.resolve(".kyodo"), config.dataDir());
        assertEquals(REPO.resolve(".kyodo/logs"), config.logsDir());
        assertEquals(REPO.resolve("deploy/keycloak/kyodo-realm.json"), config.realmFile());
        assertEquals(Set.of("kyodo_directory", "kyodo_proposals", "kyodo_agreements", "kyodo_evaluations",
                "kyodo_notifications"),
                config.databases());
        assertEquals("http://127.0.0.1:8180/realms/kyodo", config.issuerUrl());
        assertFalse(StackConfig.keycloakVersion().isBlank());
        assertTrue(config.keycloakArchive().toString().endsWith(".tar.gz"));
    }

    @Test
    void aReplicaIsTheSameApplicationUnderAnotherNameAndPort() {
        StackConfig config = StackConfig.builder(REPO).randomPorts().build();
        ServiceSpec first = config.service("proposal-service");
        ServiceSpec second = first.replica(2, 18182);
        assertEquals("proposal-service-2", second.name());
        assertEquals(18182, second.port());
        assertEquals(List.of(first.jar(), first.database(), first.apiArea()),
                List.of(second.jar(), second.database(), second.apiArea()));
        List<String> command = new ServiceComponent(second, config, new Progress(line -> { })).command();
        assertTrue(command.contains("-Dquarkus.datasource.jdbc.url=" + config.jdbcUrl("kyodo_proposals")
                + "?ApplicationName=proposal-service-2"), command.toString());
    }

    @Test
    void randomPortsAreDistinct() {
        StackConfig config = StackConfig.builder(REPO).randomPorts().build();
        Set<Integer> ports = new HashSet<>(List.of(config.postgresPort(), config.kafkaPort(),
                config.kafkaControllerPort(), config.keycloakPort(), config.smtpPort(), config.smtpApiPort(),
                config.objectStorePort()));
        config.services().forEach(s -> ports.add(s.port()));
        assertEquals(13, ports.size());
    }

    @Test
    void servicesAreWiredToTheInfrastructureAndTheGatewayToTheServices() {
        StackConfig config = StackConfig.builder(REPO).randomPorts().servicePort("proposal-service", 18082)
                .serviceProperty("gateway", "kyodo.extra", "x").build();
        Progress progress = new Progress(line -> { });
        List<String> proposals = new ServiceComponent(config.service("proposal-service"), config, progress).command();
        assertTrue(proposals.contains("-Dquarkus.http.port=18082"));
        assertTrue(proposals.contains("-Dquarkus.datasource.jdbc.url=" + config.jdbcUrl("kyodo_proposals")
                + "?ApplicationName=proposal-service"));
        assertTrue(proposals.contains("-Dkafka.bootstrap.servers=" + config.kafkaBootstrapServers()));
        assertTrue(proposals.contains("-Dquarkus.oidc.auth-server-url=" + config.issuerUrl()));
        assertTrue(proposals.containsAll(StackConfig.DEFAULT_SERVICE_JVM_ARGS));
        assertEquals(List.of("-jar", config.service("proposal-service").jar().toString()),
                proposals.subList(proposals.size() - 2, proposals.size()));

        List<String> gateway = new ServiceComponent(config.service("gateway"), config, progress).command();
        assertTrue(gateway.contains("-Dkyodo.gateway.upstream.proposals=http://127.0.0.1:18082"));
        assertTrue(gateway.contains("-Dkyodo.gateway.upstream.directory=http://127.0.0.1:"
                + config.service("directory-service").port()));
        assertTrue(gateway.contains("-Dkyodo.extra=x"));
        assertTrue(gateway.contains("-Dkyodo.gateway.access-log.file=" + config.logsDir().resolve("gateway-access.log")));
        assertTrue(gateway.contains("-Dquarkus.oidc.auth-server-url=" + config.issuerUrl()));
        assertFalse(gateway.stream().anyMatch(a -> a.startsWith("-Dquarkus.datasource")));
    }

    @Test
    void aMissingJarIsReportedWithTheBuildCommand() {
        StackConfig config = StackConfig.defaults(REPO);
        ServiceComponent directory = new ServiceComponent(config.service("directory-service"), config,
                new Progress(line -> { }));
        assertNotNull(directory.unavailableReason());
        assertTrue(directory.unavailableReason().contains("build first: ./mvnw package -DskipTests"));
        Stack stack = Stack.create(config);
        try {
            assertEquals(config.services().stream().map(ServiceSpec::name).toList(), stack.missingServices());
            StackException e = org.junit.jupiter.api.Assertions.assertThrows(StackException.class, stack::startAll);
            assertTrue(e.getMessage().contains("directory-service"), e.getMessage());
            assertFalse(stack.isRunning(Stack.POSTGRES)); // nothing was started
        } finally {
            stack.close();
        }
    }

    @Test
    void theBrokerClasspathComesFromThisJvm() {
        String classpath = Classpaths.current();
        assertTrue(classpath.contains("kafka_2.13"), classpath);
        assertTrue(classpath.contains("log4j-slf4j2-impl"), classpath);
        assertNull(System.getProperty(Classpaths.OVERRIDE_PROPERTY));
    }
}
