package jp.kyodo.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import jp.kyodo.stack.ServiceSpec;
import jp.kyodo.stack.StackConfig;

/**
 * What the fault tests look at besides the API: whole topics read from their first record, the services' outbox and
 * inbox tables, the consumer groups' committed offsets and the services' log files.
 */
final class Faults {

    /** Consumer group of a service = its name; these are the topics each one consumes. */
    static final Map<String, List<String>> CONSUMED = Map.of(
            ServiceSpec.PROPOSALS, List.of(Kyodo.DIRECTORY_TOPIC),
            ServiceSpec.AGREEMENTS, List.of(Kyodo.DIRECTORY_TOPIC, Kyodo.PROPOSALS_TOPIC),
            ServiceSpec.EVALUATIONS, List.of(Kyodo.DIRECTORY_TOPIC, Kyodo.AGREEMENTS_TOPIC, Kyodo.PROPOSALS_TOPIC));

    private Faults() {
    }

    // ------------------------------------------------------------------------------------------------ Kafka

    /** Every record of the topic, from its first to its current end. */
    static List<ConsumerRecord<String, String>> everythingOn(String topic) {
        return KafkaEvents.wholeTopic(topic, StringDeserializer.class);
    }

    /** How often each CloudEvents id occurs among the records of {@code type} that {@code match}. */
    static Map<String, Integer> copiesPerEventId(List<ConsumerRecord<String, String>> records, String type,
                                                 Predicate<ConsumerRecord<String, String>> match) {
        Map<String, Integer> copies = new TreeMap<>();
        for (ConsumerRecord<String, String> r : records) {
            if (type.equals(KafkaEvents.type(r)) && match.test(r)) {
                copies.merge(KafkaEvents.header(r, "ce_id"), 1, Integer::sum);
            }
        }
        return copies;
    }

    static KafkaProducer<String, String> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    /** Sends and waits for the broker's acknowledgement. */
    static RecordMetadata send(KafkaProducer<String, String> producer, ProducerRecord<String, String> record) {
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + record.topic(), e);
        }
    }

    /** A copy of a consumed record (headers included) with some headers replaced, for the same topic and key. */
    static ProducerRecord<String, String> copyOf(ConsumerRecord<String, String> original, Map<String, String> replaced) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(original.topic(), original.key(), original.value());
        original.headers().forEach(h -> {
            if (!replaced.containsKey(h.key())) {
                copy.headers().add(h.key(), h.value());
            }
        });
        replaced.forEach((k, v) -> copy.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return copy;
    }

    /**
     * Waits until the consumer group has committed offsets at the current end of each partition of the topics: it
     * consumed (and committed) everything published so far.
     */
    static void awaitCaughtUp(String group, Collection<String> topics, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : topics) {
                admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            Eventually.until(group + " consumed " + topics + " to " + end, timeout, () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    return end.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                            && committed.get(e.getKey()).offset() >= e.getValue()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("could not read the offsets of " + group, e);
        }
    }

    /** The offset the group committed on the partition (the next record it will read), or -1 if none. */
    static long committedOffset(String group, TopicPartition partition) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            throw new AssertionError("could not read the offsets of " + group, e);
        }
    }

    /** Every consuming service has consumed everything published so far. */
    static void awaitAllConsumersCaughtUp() {
        CONSUMED.forEach((service, topics) -> awaitCaughtUp(service, topics, Eventually.CROSS_SERVICE));
    }

    // ------------------------------------------------------------------------------------------------ databases

    static Connection database(String service) throws SQLException {
        String database = SystemUnderTest.stack().config().services().stream().filter(s -> s.name().equals(service))
                .findFirst().map(ServiceSpec::database)
                .orElseThrow(() -> new IllegalArgumentException(service + " has no database"));
        return DriverManager.getConnection(SystemUnderTest.stack().jdbcUrl(database), StackConfig.DB_USER,
                StackConfig.DB_PASSWORD);
    }

    static long count(String service, String sql, Object... parameters) {
        try (Connection c = database(service); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    static List<String> strings(String service, String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        try (Connection c = database(service); PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(service + ": " + sql + ": " + e.getMessage(), e);
        }
        return values;
    }

    static long unsentOutboxRows(String service) {
        return count(service, "select count(*) from kyodo_outbox where sent_at is null");
    }

    /** Waits until the service's relay has had every outbox row acknowledged by Kafka. */
    static void awaitOutboxSent(String service, Duration timeout) {
        Eventually.until(service + " has sent every outbox row", timeout, () -> unsentOutboxRows(service) == 0);
    }

    /** How the service's inbox recorded an event: APPLIED, STALE or DEAD_LETTERED, one entry per row. */
    static List<String> inboxOutcomes(String service, String eventId) {
        return strings(service, "select outcome from kyodo_inbox where event_id = ?", eventId);
    }

    // ------------------------------------------------------------------------------------------------ logs

    /** The current length of the component's log: lines written after this mark belong to what comes next. */
    static long logMark(String component) {
        try {
            Path log = SystemUnderTest.stack().logFile(component);
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a line containing {@code text} written to the component's log after {@code mark}. */
    static void awaitLogLine(String component, long mark, String text, Duration timeout) {
        Path log = SystemUnderTest.stack().logFile(component);
        Eventually.until(component + " logged \"" + text + "\"", timeout, () -> logSince(log, mark).contains(text));
    }

    static String logSince(Path log, long mark) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= mark) {
                return "";
            }
            byte[] bytes = new byte[(int) Math.min(length - mark, 64L * 1024 * 1024)];
            file.seek(mark);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Every id in {@code ids} occurs exactly once in {@code copies} (and nothing else does). */
    static void assertExactlyOnce(String what, Set<String> ids, Map<String, Integer> copies) {
        Map<String, Integer> expected = new TreeMap<>();
        ids.forEach(id -> expected.put(id, 1));
        assertEquals(expected, new TreeMap<>(copies), what);
    }
}
