package jp.kyodo.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads a topic from the beginning as an analyst would, and writes raw records (for instance a poison event) to
 * the test broker.
 */
public final class KafkaRecords implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private KafkaRecords(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(config);
        consumer.subscribe(List.of(topic));
    }

    /** A reader of the topic from its beginning. */
    public static KafkaRecords from(String topic) {
        return new KafkaRecords(TestInfrastructure.bootstrapServers(), topic);
    }

    public static KafkaRecords from(String bootstrapServers, String topic) {
        return new KafkaRecords(bootstrapServers, topic);
    }

    /** Waits until a record matches; fails after the timeout. Every record polled meanwhile is kept in {@link #seen()}. */
    public ConsumerRecord<String, byte[]> await(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        do {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            consumer.poll(Duration.ofMillis(20)).forEach(seen::add);
        } while (System.nanoTime() < deadline || checked < seen.size());
        throw new AssertionError("no matching record within " + timeout + "; saw " + seen.size() + " records");
    }

    /** Polls for the given time and returns everything seen so far. */
    public List<ConsumerRecord<String, byte[]>> drain(Duration quietPeriod) {
        long deadline = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(50)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    public List<ConsumerRecord<String, byte[]>> seen() {
        return List.copyOf(seen);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String cloudEventType) {
        return record -> cloudEventType.equals(header(record, "ce_type"));
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    /** Sends a record as it is, with the given headers, and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, byte[] value, Map<String, String> headers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Sends a CloudEvent as the services' relays write it: binary mode, JSON data, keyed by its subject, with the
     * aggregate's version the consumers order by. For a test that plays another service (the directory announcing an
     * organisation, the agreements announcing an activation).
     */
    public static void sendCloudEvent(String topic, String type, String source, String subject, long aggregateVersion,
            String eventId, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_source", source);
        headers.put("ce_type", type);
        headers.put("ce_subject", subject);
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_aggregateversion", Long.toString(aggregateVersion));
        headers.put("content-type", "application/json");
        send(topic, subject, json, headers);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
