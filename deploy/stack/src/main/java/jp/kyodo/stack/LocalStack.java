package jp.kyodo.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local run command ({@code deploy/run-local.sh}): the whole system on the default ports with data under
 * {@code <repo>/.kyodo/}, until Ctrl-C.
 *
 * <pre>
 * LocalStack [--repo DIR] [--reset] [--infra-only]
 *   --repo DIR      repository root (default: the current directory)
 *   --reset         delete &lt;repo&gt;/.kyodo first (databases, Kafka topics, Keycloak state, logs)
 *   --infra-only    only PostgreSQL, Kafka, Keycloak and SMTP (to run services from an IDE or quarkus:dev)
 *   --test-clock    notification-service's clock can be moved (PUT /test-clock on its port); for demonstrations only
 * </pre>
 *
 * Environment: {@code KYODO_CACHE} (cache folder), {@code KYODO_SERVICE_JVM_ARGS} (JVM options of the services).
 */
public final class LocalStack {

    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"admin1", "admin"},
            new String[] {"staff1", "city-staff"},
            new String[] {"signer1", "city-staff"},
            new String[] {"coordinator1", "coordinator"},
            new String[] {"reviewer1", "reviewer"},
            new String[] {"reviewer2", "reviewer"},
            new String[] {"analyst1", "analyst"},
            new String[] {"partner1", "partner"},
            new String[] {"partner2", "partner"},
            new String[] {"citizen1", "citizen"});

    private LocalStack() {
    }

    public static void main(String[] args) throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        boolean reset = false;
        boolean infraOnly = false;
        boolean testClock = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--reset" -> reset = true;
                case "--infra-only" -> infraOnly = true;
                case "--test-clock" -> testClock = true;
                case "-h", "--help" -> {
                    System.out.println("usage: LocalStack [--repo DIR] [--reset] [--infra-only] [--test-clock]");
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + args[i] + "; usage: LocalStack [--repo DIR] [--reset]"
                            + " [--infra-only] [--test-clock]");
                    System.exit(2);
                }
            }
        }
        StackConfig.Builder builder = StackConfig.builder(repo);
        String jvmArgs = System.getenv("KYODO_SERVICE_JVM_ARGS");
        if (jvmArgs != null && !jvmArgs.isBlank()) {
            builder.serviceJvmArgs(Arrays.asList(jvmArgs.trim().split("\\s+")));
        }
        if (testClock) {
            // A local demonstration switch: notification-service's clock can then be moved through /test-clock.
            builder.serviceProperty(ServiceSpec.NOTIFICATIONS, "kyodo.test-clock.enabled", "true");
        }
        StackConfig config = builder.build();
        if (reset) {
            System.out.println("Resetting: deleting " + config.dataDir());
            FileUtil.deleteRecursively(config.dataDir());
        }
        Files.createDirectories(config.dataDir());

        Stack stack = Stack.create(config);
        try {
            if (infraOnly) {
                stack.startInfrastructure();
            } else {
                stack.startAll();
                DemoData.load(stack);
            }
        } catch (StackException e) {
            System.err.println();
            System.err.println("Local stack did not start:");
            System.err.println(e.getMessage());
            stack.close();
            System.exit(1);
        }
        printBanner(stack, infraOnly);
        new CountDownLatch(1).await(); // until Ctrl-C; the stack's shutdown hook stops everything
    }

    private static void printBanner(Stack stack, boolean infraOnly) throws IOException {
        StackConfig c = stack.config();
        StringBuilder sb = new StringBuilder();
        sb.append(System.lineSeparator());
        sb.append("kyodo is running").append(infraOnly ? " (infrastructure only)" : "").append(System.lineSeparator());
        if (!infraOnly) {
            sb.append("  Gateway      ").append(stack.gatewayUrl()).append(System.lineSeparator());
            sb.append("  Swagger UI   ").append(stack.gatewayUrl()).append("/q/swagger-ui").append(System.lineSeparator());
        }
        sb.append("  Keycloak     ").append(c.keycloakUrl()).append("  (admin console: ")
                .append(KeycloakComponent.ADMIN_USER).append(" / ").append(KeycloakComponent.ADMIN_PASSWORD)
                .append(", realm ").append(StackConfig.REALM).append(")").append(System.lineSeparator());
        sb.append("  Kafka        ").append(c.kafkaBootstrapServers()).append(System.lineSeparator());
        sb.append("  SMTP         127.0.0.1:").append(c.smtpPort()).append("  (GreenMail; mails sent: ")
                .append(c.smtpApiUrl()).append("/api/user/<address>/messages/INBOX)").append(System.lineSeparator());
        sb.append("  PostgreSQL   ").append(c.jdbcUrl("<db>")).append("  (postgres / postgres; databases ")
                .append(String.join(", ", c.databases())).append(")").append(System.lineSeparator());
        sb.append("  Object store ").append(c.objectStoreUrl()).append("  (S3 API, ").append(ObjectStoreComponent.ACCESS_KEY)
                .append(" / ").append(ObjectStoreComponent.SECRET_KEY).append("; files in ")
                .append(c.dataDir().resolve("objects")).append(")").append(System.lineSeparator());
        sb.append("  Data         ").append(c.dataDir()).append("   logs: ").append(c.logsDir())
                .append(System.lineSeparator());
        sb.append(System.lineSeparator());
        sb.append("Demo logins (password \"demo\"): ");
        for (int i = 0; i < DEMO_USERS.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(DEMO_USERS.get(i)[0]).append(" (").append(DEMO_USERS.get(i)[1]).append(")");
        }
        sb.append(System.lineSeparator());
        sb.append("Partner system: client kyodo-partner-system / partner-system-secret (client credentials)")
                .append(System.lineSeparator());
        sb.append("Token for curl: curl -s -d grant_type=password -d client_id=kyodo-cli -d username=partner1"
                + " -d password=demo ").append(c.issuerUrl()).append("/protocol/openid-connect/token")
                .append(System.lineSeparator());
        sb.append(System.lineSeparator());
        sb.append(stack.describe());
        sb.append(System.lineSeparator());
        sb.append("Press Ctrl-C to stop everything.").append(System.lineSeparator());
        System.out.print(sb);
        System.out.flush();
    }
}
