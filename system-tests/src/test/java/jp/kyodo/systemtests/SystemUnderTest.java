package jp.kyodo.systemtests;

import io.restassured.RestAssured;
import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.Stack;
import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The packaged system, started once per test run and shared by every test class that uses
 * {@code @ExtendWith(SystemUnderTest.class)}; stopped when the run ends (and by the stack's shutdown hook if the JVM
 * dies first).
 *
 * <p>Random free ports; data under {@code system-tests/target/stack} (wiped at start), logs under
 * {@code system-tests/target/stack/logs}. System property {@code kyodo.systemtests.services}: {@code available} starts
 * the services whose jar exists and reports the others, {@code all} requires every service.
 */
public final class SystemUnderTest implements BeforeAllCallback {

    public static final String DEMO_PASSWORD = "demo";
    public static final String CLI_CLIENT = "kyodo-cli";
    public static final String PARTNER_SYSTEM_CLIENT = "kyodo-partner-system";
    public static final String PARTNER_SYSTEM_SECRET = "partner-system-secret";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemUnderTest.class);

    private static Stack stack;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(StopAtEndOfRun.class, k -> new StopAtEndOfRun(),
                StopAtEndOfRun.class);
    }

    /** The running stack (started on first use). */
    public static synchronized Stack stack() {
        if (startFailure != null) {
            throw new IllegalStateException("the system under test failed to start earlier in this run", startFailure);
        }
        if (stack == null) {
            // Every answer a test receives through REST Assured is checked against the merged OpenAPI document.
            RestAssured.filters(OpenApiContract.FILTER);
            try {
                stack = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return stack;
    }

    private static Stack start() {
        Path repo = Path.of(System.getProperty("kyodo.repo.root", "..")).toAbsolutePath().normalize();
        Path dir = Path.of(System.getProperty("kyodo.systemtests.dir",
                repo.resolve("system-tests/target/stack").toString())).toAbsolutePath().normalize();
        deleteRecursively(dir);
        StackConfig config = StackConfig.builder(repo)
                .dataDir(dir)
                .logsDir(dir.resolve("logs"))
                .randomPorts()
                .serviceJvmArgs(StackConfig.SHORT_LIVED_SERVICE_JVM_ARGS)
                // Test-only settings: the notification service's clock can be moved (/test-clock), and it looks at
                // the calendar and the mail outbox often, so that moved time shows within seconds.
                .serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.test-clock.enabled", "true")
                .serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.notifications.sweep-every", "2s")
                .serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.notifications.mail.poll-every", "500ms")
                .serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.notifications.mail.first-backoff", "PT1S")
                .serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.notifications.mail.max-backoff", "PT2S")
                // An endorsement can then be applied for, approved and reported on the same day (EndorsementProcedureIT);
                // the lead-time rule is still refused for an event already past.
                .serviceProperty(ServiceSpec.AGREEMENTS, "kyodo.procedures.endorsement-lead-days", "0")
                // Every test comments anonymously from the one address 127.0.0.1, where a city allows a citizen 5 an
                // hour; the quota itself is the gateway's own tests' (AnonymousWritesTest).
                .serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.anonymous-writes.rate-limit.capacity", "500")
                .serviceProperty(ServiceSpec.GATEWAY, "kyodo.gateway.anonymous-writes.rate-limit.refill-tokens", "500")
                .build();
        Stack s = Stack.create(config);
        String mode = System.getProperty("kyodo.systemtests.services", "available");
        switch (mode) {
            case "all" -> s.startAll();
            case "available" -> s.startAvailable();
            default -> throw new IllegalArgumentException("kyodo.systemtests.services must be all or available, not "
                    + mode);
        }
        System.out.println("System under test:");
        System.out.print(s.describe());
        return s;
    }

    private static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /**
     * Stops the stack when the test run (the root extension context) closes. Both interfaces: JUnit 5.13 closes
     * {@link AutoCloseable} values and still honours the older one; stopping twice is harmless.
     */
    @SuppressWarnings("deprecation")
    private static final class StopAtEndOfRun implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            stop();
        }
    }

    // ------------------------------------------------------------------ where things are

    /** e.g. {@code http://127.0.0.1:43127}. */
    public static String gatewayUrl() {
        return stack().gatewayUrl();
    }

    public static String serviceUrl(String service) {
        return stack().url(service);
    }

    public static String keycloakUrl() {
        return stack().keycloakUrl();
    }

    /** The issuer of the tokens, {@code http://127.0.0.1:<port>/realms/kyodo}. */
    public static String issuerUrl() {
        return stack().issuerUrl();
    }

    public static String kafkaBootstrapServers() {
        return stack().kafkaBootstrapServers();
    }

    /** Whether the service's jar was built (in "available" mode, tests of missing services can skip themselves). */
    public static boolean isAvailable(String service) {
        return stack().availableServices().contains(service);
    }

    // ------------------------------------------------------------------ tokens

    /** An access token of a demo user (password grant on {@code kyodo-cli}), e.g. {@code tokenFor("partner1")}. */
    public static String tokenFor(String username) {
        return Tokens.password(issuerUrl(), CLI_CLIENT, username, DEMO_PASSWORD);
    }

    /** An access token of the partner system's service account (client credentials). */
    public static String clientCredentialsToken() {
        return Tokens.clientCredentials(issuerUrl(), PARTNER_SYSTEM_CLIENT, PARTNER_SYSTEM_SECRET);
    }

    /** {@code "Bearer " + tokenFor(username)}. */
    public static String bearer(String username) {
        return "Bearer " + tokenFor(username);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
