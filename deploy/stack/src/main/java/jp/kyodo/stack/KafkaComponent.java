package jp.kyodo.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker run as a child JVM ({@code kafka.Kafka}) on this JVM's classpath, which holds
 * {@code kafka_2.13} and its log4j2 binding. Storage is formatted once and kept under the data folder.
 */
final class KafkaComponent extends ProcessComponent {

    static final int PARTITIONS = 3;


    KafkaComponent(StackConfig config, Progress progress) {
        super(Stack.KAFKA, config, progress, Duration.ofSeconds(30));
    }

    private Path home() {
        return config.dataDir().resolve("kafka");
    }

    private Path storage() {
        return home().resolve("data");
    }

    @Override
    void start() throws Exception {
        Ports.requireFree("Kafka", port());
        Ports.requireFree("Kafka controller", config.kafkaControllerPort());
        Files.createDirectories(storage());
        prepareLog();
        Path serverProperties = home().resolve("server.properties");
        Path log4j = home().resolve("log4j2.properties");
        Files.writeString(serverProperties, serverProperties(), StandardCharsets.UTF_8);
        Files.writeString(log4j, LOG4J2, StandardCharsets.UTF_8);
        String classpath = Classpaths.current();
        if (!classpath.contains("kafka_2.13")) {
            throw new StackException("Kafka: kafka_2.13 is not on the classpath of this JVM (" + Classpaths.OVERRIDE_PROPERTY
                    + " can name one)");
        }
        long t0 = System.nanoTime();
        if (!Files.exists(storage().resolve("meta.properties"))) {
            progress.step("Kafka: formatting storage (first run only)");
            List<String> format = jvm(classpath, log4j);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", serverProperties.toString()));
            ChildProcess.run("Kafka storage format", format, home(), logFile(), Duration.ofSeconds(120));
        }
        progress.step("Kafka: starting on port " + port());
        List<String> command = jvm(classpath, log4j);
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());
        process = ChildProcess.start("Kafka", command, home(), Map.of(), logFile(), true);
        process.awaitReady(config.infrastructureTimeout(), () -> Ports.isListening(port()));
        List<String> created = createTopics(t0);
        progress.step("Kafka: ready in " + Progress.since(t0)
                + (created.isEmpty() ? "" : " (created topics " + String.join(", ", created) + ")"));
    }

    private List<String> jvm(String classpath, Path log4j) {
        List<String> cmd = new ArrayList<>();
        cmd.add(FileUtil.javaExecutable());
        // Both JIT compilers, as the services: under C1 alone the broker answered late for 0.2–0.5 s at the start of
        // a burst while the services compiled (README, performance: task visibility).
        cmd.addAll(List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + home().resolve("server-logs")));
        cmd.add("-cp");
        cmd.add(classpath);
        return cmd;
    }

    private String serverProperties() {
        int port = port();
        int controller = config.kafkaControllerPort();
        return String.join("\n",
                "# Written by kyodo-stack at every start (ports may change); storage is formatted once.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + storage(),
                "num.partitions=" + PARTITIONS,
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "") ;
    }

    /** Creates the domain topics and their dead-letter topics (kept forever) if missing. */
    private List<String> createTopics(long t0) throws InterruptedException {
        List<String> wanted = new ArrayList<>();
        for (String topic : StackConfig.DOMAIN_TOPICS) {
            wanted.add(topic);
            wanted.add(topic + ".dlq");
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        long deadline = t0 + config.infrastructureTimeout().toNanos();
        try (Admin admin = Admin.create(props)) {
            while (true) {
                if (!process.isAlive()) {
                    process.awaitReady(Duration.ZERO, () -> false); // reports the exit with the log
                }
                try {
                    Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    List<NewTopic> missing = new ArrayList<>();
                    for (String topic : wanted) {
                        if (!existing.contains(topic)) {
                            missing.add(new NewTopic(topic, PARTITIONS, (short) 1)
                                    .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")));
                        }
                    }
                    List<String> created = new ArrayList<>();
                    for (NewTopic topic : missing) {
                        try {
                            admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                            created.add(topic.name());
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                    return created;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw new StackException("Kafka: topics could not be created: " + e.getMessage(), logFile(), e);
                    }
                    Thread.sleep(500);
                }
            }
        }
    }



    @Override
    int port() {
        return config.kafkaPort();
    }

    @Override
    String url() {
        return config.kafkaBootstrapServers();
    }


    @Override
    Path logFile() {
        return config.logsDir().resolve("kafka.log");
    }

    /** The broker logs to its standard output, which goes to the stack's kafka.log. */
    private static final String LOG4J2 = String.join("\n",
            "status = warn",
            "shutdownHook = disable",
            "appender.out.type = Console",
            "appender.out.name = out",
            "appender.out.layout.type = PatternLayout",
            "appender.out.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.out.ref = out",
            "logger.state.name = state.change.logger",
            "logger.state.level = warn",
            "logger.controller.name = org.apache.kafka.controller",
            "logger.controller.level = warn",
            "logger.raft.name = org.apache.kafka.raft",
            "logger.raft.level = warn",
            "logger.coordinator.name = org.apache.kafka.coordinator",
            "logger.coordinator.level = warn",
            "");

}
