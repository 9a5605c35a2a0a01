package jp.kyodo.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.platform.failpoint.Failpoints;
import jp.kyodo.platform.sample.PlatformTestSupport;
import jp.kyodo.platform.testing.KafkaRecords;
import jp.kyodo.platform.testing.TestInfrastructure;

@QuarkusTest
class OutboxRelayTest extends PlatformTestSupport {

    @Test
    void aCommittedEventReachesKafkaWithinMillisecondsBecauseTheRelayIsWokenNotPolled() throws Exception {
        String topic = "kyodo.latency-test.v1";
        createTopicStampedByBroker(topic);
        OutboxRelay relay = startRelay("listener", Duration.ofSeconds(60));
        awaitTrue("the relay leads", Duration.ofSeconds(10), relay::isLeader);

        List<Long> latencies = new ArrayList<>();
        try (KafkaRecords records = KafkaRecords.from(topic)) {
            for (int i = 0; i < 6; i++) {
                UUID aggregate = UUID.randomUUID();
                publishInOwnTransaction(topic, aggregate, 1, "latency");
                long committedAt = System.currentTimeMillis();
                ConsumerRecord<String, byte[]> record = records.await(r -> aggregate.toString().equals(r.key()),
                        Duration.ofSeconds(30));
                if (i > 0) { // the first send also loads the producer's metadata
                    latencies.add(record.timestamp() - committedAt);
                }
            }
        }
        System.out.println("commit -> broker append latencies (ms), poll interval 60 s: " + latencies);
        assertThat(latencies).allSatisfy(ms -> assertThat(ms).isLessThan(200));
    }

    @Test
    void aRelayKilledBetweenAckAndMarkingSentPublishesAgainAfterRestartAndTheConsumerAppliesOnce() throws Exception {
        drainOutbox();
        Failpoints.arm(Failpoints.OUTBOX_AFTER_ACK);
        OutboxRelay doomed = startRelay("doomed", Duration.ofSeconds(60));
        awaitTrue("the first relay leads", Duration.ofSeconds(10), doomed::isLeader);
        UUID widget = UUID.randomUUID();

        publishInOwnTransaction(WIDGET_TOPIC, widget, 1, "parked");

        assertThat(Failpoints.awaitParked(Failpoints.OUTBOX_AFTER_ACK, 10, TimeUnit.SECONDS))
                .as("the relay is parked after the broker's ack").isTrue();
        doomed.kill();
        Failpoints.reset();
        assertThat(count("select count(*) from kyodo_outbox where subject = ? and sent_at is null", widget.toString()))
                .as("the row was never marked sent").isEqualTo(1);

        startRelay("successor", Duration.ofSeconds(60));

        awaitTrue("the row is marked sent", Duration.ofSeconds(20),
                () -> count("select count(*) from kyodo_outbox where subject = ? and sent_at is null",
                        widget.toString()) == 0);
        try (KafkaRecords records = KafkaRecords.from(WIDGET_TOPIC)) {
            records.await(r -> widget.toString().equals(r.key()), Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> copies = records.drain(Duration.ofSeconds(1)).stream()
                    .filter(r -> widget.toString().equals(r.key())).toList();
            assertThat(copies).as("published before the kill and again after").hasSize(2);
            assertThat(copies.stream().map(r -> KafkaRecords.header(r, "ce_id")).distinct()).hasSize(1);
        }
        // A later event of the same widget (same partition) shows the consumer has read past both copies.
        publishInOwnTransaction(WIDGET_TOPIC, widget, 2, "after");
        awaitTrue("the consumer applied the later event", Duration.ofSeconds(20),
                () -> "after".equals(text("select name from widget_projection where widget_id = ?", widget)));
        assertThat(appliedCount(widget)).as("the first event took effect once despite two deliveries, then the later one")
                .isEqualTo(2);
    }

    @Test
    void twoRelaysStartedTogetherPublishEveryRowAndKeepOrderPerAggregateAcrossATakeOver() throws Exception {
        String topic = "kyodo.ordering-test.v1";
        OutboxRelay first = startRelay("first", Duration.ofMillis(500));
        OutboxRelay second = startRelay("second", Duration.ofMillis(500));
        awaitTrue("one relay leads", Duration.ofSeconds(10), () -> first.isLeader() || second.isLeader());
        assertThat(first.isLeader() && second.isLeader()).as("never two leaders").isFalse();

        int aggregates = 40;
        int versions = 25;
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            ids.add(UUID.randomUUID());
        }
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(writers.submit(() -> {
                for (int version = 1; version <= versions; version++) {
                    for (int a = thread; a < aggregates; a += 4) {
                        publishInOwnTransaction(topic, ids.get(a), version, "v" + version);
                        written.incrementAndGet();
                    }
                }
            }));
        }
        awaitTrue("a third of the events are written", Duration.ofSeconds(60), () -> written.get() >= 330);
        OutboxRelay leader = first.isLeader() ? first : second;
        OutboxRelay standby = leader == first ? second : first;
        leader.kill();
        for (Future<?> writer : done) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();
        awaitTrue("the standby took over", Duration.ofSeconds(10), standby::isLeader);
        awaitTrue("every row is marked sent", Duration.ofSeconds(60),
                () -> count("select count(*) from kyodo_outbox where topic = ? and sent_at is null", topic) == 0);

        Map<String, List<Long>> firstSeenVersions = new HashMap<>();
        Set<String> eventIds = new LinkedHashSet<>();
        try (KafkaRecords records = KafkaRecords.from(topic)) {
            AtomicInteger distinct = new AtomicInteger();
            Set<String> seenIds = new LinkedHashSet<>();
            records.await(r -> {
                if (seenIds.add(KafkaRecords.header(r, "ce_id"))) {
                    distinct.incrementAndGet();
                }
                return distinct.get() == aggregates * versions;
            }, Duration.ofSeconds(60));
            for (ConsumerRecord<String, byte[]> record : records.seen()) {
                if (eventIds.add(KafkaRecords.header(record, "ce_id"))) {
                    firstSeenVersions.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(Long.parseLong(new String(record.headers().lastHeader("ce_aggregateversion").value(),
                                    StandardCharsets.UTF_8)));
                }
            }
        }
        assertThat(eventIds).hasSize(aggregates * versions);
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        List<Long> oneToN = java.util.stream.LongStream.rangeClosed(1, versions).boxed().toList();
        ids.forEach(id -> expected.put(id.toString(), oneToN));
        assertThat(firstSeenVersions).as("each aggregate's events in version order").isEqualTo(expected);
    }

    private static void createTopicStampedByBroker(String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
    }
}
