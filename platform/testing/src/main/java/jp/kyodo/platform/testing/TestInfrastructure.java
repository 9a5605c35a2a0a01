package jp.kyodo.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server and a real single-node KRaft Kafka broker, started once per test JVM and stopped when it
 * exits. PostgreSQL runs from the zonky binaries (no installation, works as root); Kafka runs inside this JVM.
 */
public final class TestInfrastructure {

    private static final Logger LOG = Logger.getLogger(TestInfrastructure.class);

    private static EmbeddedPostgres postgres;
    private static KafkaClusterTestKit kafka;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            long start = System.nanoTime();
            try {
                postgres = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopPostgres, "stop-postgres"));
            LOG.infof("PostgreSQL ready on port %d in %d ms", postgres.getPort(), (System.nanoTime() - start) / 1_000_000);
        }
        return postgres;
    }

    public static synchronized KafkaClusterTestKit kafka() {
        if (kafka == null) {
            long start = System.nanoTime();
            // A broker that meets a fatal fault (typically while shutting down) would halt the whole test JVM, which
            // fails the run although every test passed: log it instead.
            Exit.setHaltProcedure((status, message) -> LOG.warnf("Kafka asked to halt (%d): %s", status, message));
            Exit.setExitProcedure((status, message) -> LOG.warnf("Kafka asked to exit (%d): %s", status, message));
            try {
                KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                        .build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                        .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "true")
                        .setConfigProp("num.partitions", "3")
                        .build();
                cluster.format();
                cluster.startup();
                cluster.waitForReadyBrokers();
                kafka = cluster;
            } catch (Exception e) {
                throw new IllegalStateException("could not start the Kafka test broker", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopKafka, "stop-kafka"));
            LOG.infof("Kafka ready at %s in %d ms", kafka.bootstrapServers(), (System.nanoTime() - start) / 1_000_000);
        }
        return kafka;
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    /** Creates the database if it does not exist and returns its JDBC URL (user and password: postgres). */
    public static String database(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + postgres().getPort() + "/" + name;
    }

    /** Stops what was started, Kafka first (its clients may still be closing); harmless when nothing runs. */
    public static synchronized void stopAll() {
        stopKafka();
        stopPostgres();
    }

    private static synchronized void stopPostgres() {
        try {
            if (postgres != null) {
                postgres.close();
                postgres = null;
            }
        } catch (IOException e) {
            LOG.warn("could not stop PostgreSQL", e);
        }
    }

    private static synchronized void stopKafka() {
        try {
            if (kafka != null) {
                kafka.close();
                kafka = null;
            }
        } catch (Exception e) {
            LOG.warn("could not stop Kafka", e);
        }
    }
}
