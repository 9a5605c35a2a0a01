package jp.kyodo.platform.outbox;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/** Runs this service instance's outbox relay for as long as the application runs. */
@ApplicationScoped
public class OutboxRelayService {

    @ConfigProperty(name = "kyodo.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kyodo.outbox.poll-interval", defaultValue = "2s")
    Duration pollInterval;

    @ConfigProperty(name = "kyodo.outbox.standby-interval", defaultValue = "1s")
    Duration standbyInterval;

    @ConfigProperty(name = "kyodo.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "kyodo.outbox.sent-retention", defaultValue = "P7D")
    Duration sentRetention;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "")
    String password;

    @ConfigProperty(name = "kyodo.service-name")
    String serviceName;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSource dataSource;

    private OutboxRelay relay;

    void onStart(@Observes StartupEvent start) {
        Gauge.builder("kyodo.outbox.backlog", this, OutboxRelayService::backlog)
                .description("Outbox rows not yet acknowledged by Kafka").register(metrics);
        if (!enabled) {
            return;
        }
        relay = new OutboxRelay(serviceName + "-" + UUID.randomUUID().toString().substring(0, 8), settings(),
                createProducer(bootstrapServers, serviceName), mapper, new MeteredListener(metrics)).start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (relay != null) {
            relay.close();
        }
    }

    public OutboxRelay.Settings settings() {
        return new OutboxRelay.Settings(jdbcUrl, user, password, pollInterval, standbyInterval, batchSize,
                Duration.ofSeconds(30));
    }

    public boolean isLeader() {
        return relay != null && relay.isLeader();
    }

    /** Sent rows are kept a while for diagnosis, then removed. */
    @Scheduled(every = "1h", delayed = "5m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void deleteOldSentRows() {
        try (var c = dataSource.getConnection();
                var delete = c.prepareStatement("delete from kyodo_outbox where sent_at < now() - ?::interval")) {
            delete.setString(1, sentRetention.toSeconds() + " seconds");
            delete.executeUpdate();
        } catch (Exception e) {
            throw new IllegalStateException("could not clean the outbox", e);
        }
    }

    private double backlog() {
        try (var c = dataSource.getConnection();
                var count = c.prepareStatement("select count(*) from kyodo_outbox where sent_at is null");
                var rs = count.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    /** A producer that waits for every in-sync replica and never reorders or duplicates on retry. */
    public static Producer<String, byte[]> createProducer(String bootstrapServers, String clientId) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-outbox");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    private static final class MeteredListener implements OutboxRelay.Listener {
        private final MeterRegistry metrics;
        private final AtomicInteger leader;

        MeteredListener(MeterRegistry metrics) {
            this.metrics = metrics;
            this.leader = metrics.gauge("kyodo.outbox.relay.leader", new AtomicInteger());
        }

        @Override
        public void published(String topic, Duration sinceOccurred) {
            Counter.builder("kyodo.outbox.published").tag("topic", topic).register(metrics).increment();
            Timer.builder("kyodo.outbox.publish.latency").description("From the state change to the broker's ack")
                    .tag("topic", topic).register(metrics).record(sinceOccurred);
        }

        @Override
        public void leadershipChanged(boolean leader) {
            this.leader.set(leader ? 1 : 0);
        }
    }
}
