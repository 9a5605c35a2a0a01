package jp.kyodo.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic of the system under test and waits for CloudEvents of a given {@code type} (binary mode: the
 * {@code ce_type} header; structured mode is understood as well).
 *
 * <pre>{@code
 * try (KafkaEvents events = KafkaEvents.fromNow("kyodo.proposals.v1")) {
 *     // ... act through the gateway ...
 *     ConsumerRecord<String, String> adopted = events.await("jp.kyodo.proposal.adopted.v1",
 *             r -> r.key().equals(proposalId), Duration.ofSeconds(30));
 * }
 * }</pre>
 *
 * Records read are kept, so successive {@code await} calls also see records that arrived before them.
 */
public final class KafkaEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private KafkaEvents(String topic, boolean fromBeginning) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "system-tests-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, p.partition()));
        }
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(p -> consumer.position(p, Duration.ofSeconds(30))); // fix the starting point now
    }

    /** Everything on the topic, from its first record. */
    public static KafkaEvents fromBeginning(String topic) {
        return new KafkaEvents(topic, true);
    }

    /** Only records written after this call. */
    public static KafkaEvents fromNow(String topic) {
        return new KafkaEvents(topic, false);
    }

    /** Waits for a record on {@code topic} (from its beginning) with this CloudEvents type that {@code match}es. */
    public static ConsumerRecord<String, String> awaitEvent(String topic, String type,
                                                            Predicate<ConsumerRecord<String, String>> match,
                                                            Duration timeout) {
        try (KafkaEvents events = fromBeginning(topic)) {
            return events.await(type, match, timeout);
        }
    }

    public ConsumerRecord<String, String> await(String type, Duration timeout) {
        return await(type, r -> true, timeout);
    }

    /** The first record (seen so far or arriving within {@code timeout}) of this type that {@code match}es. */
    public ConsumerRecord<String, String> await(String type, Predicate<ConsumerRecord<String, String>> match,
                                                Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                ConsumerRecord<String, String> r = seen.get(checked);
                if (type.equals(type(r)) && match.test(r)) {
                    return r;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type + " event on " + topic + " within " + timeout.toSeconds()
                        + " s; types seen: " + seen.stream().map(KafkaEvents::type).distinct().toList());
            }
            consumer.poll(Duration.ofNanos(Math.min(left, Duration.ofMillis(500).toNanos()))).forEach(seen::add);
        }
    }

    /** Every record read so far. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    /** The CloudEvents type of a record, or {@code null}. */
    public static String type(ConsumerRecord<String, String> record) {
        String binary = header(record, "ce_type");
        if (binary != null) {
            return binary;
        }
        String contentType = header(record, "content-type");
        if (contentType != null && contentType.startsWith("application/cloudevents") && record.value() != null) {
            try {
                JsonNode event = JSON.readTree(record.value());
                return event.path("type").asText(null);
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** Every record of the topic, from its first to its current end, values read by {@code values}. */
    public static <V> List<ConsumerRecord<String, V>> wholeTopic(String topic,
            Class<? extends Deserializer<V>> values) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SystemUnderTest.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "whole-topic-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, values.getName());
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The last value of a header as UTF-8 text, or {@code null}. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
