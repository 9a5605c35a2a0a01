package jp.kyodo.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jp.kyodo.platform.sample.PlatformTestSupport;
import jp.kyodo.platform.testing.KafkaRecords;

@QuarkusTest
class InboxTest extends PlatformTestSupport {

    private static final String DLQ = WIDGET_TOPIC + ".dlq";

    @BeforeEach
    void relayForDeadLetters() {
        startRelay("inbox-test", Duration.ofSeconds(1));
    }

    @Test
    void theSameEventDeliveredTwiceChangesStateOnce() {
        UUID widget = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        sendEvent(eventId, widget, 1, "{\"widgetId\":\"" + widget + "\",\"name\":\"once\",\"version\":1}");
        sendEvent(eventId, widget, 1, "{\"widgetId\":\"" + widget + "\",\"name\":\"once\",\"version\":1}");
        sendWidget(widget, 2, "later");

        awaitName(widget, "later");
        assertThat(appliedCount(widget)).as("the redelivered event did nothing").isEqualTo(2);
    }

    @Test
    void anOlderVersionArrivingAfterANewerOneIsIgnored() {
        UUID widget = UUID.randomUUID();
        sendWidget(widget, 2, "second");
        String older = sendWidget(widget, 1, "first");
        sendWidget(widget, 3, "third");

        awaitName(widget, "third");
        assertThat(appliedCount(widget)).isEqualTo(2);
        assertThat(text("select outcome from kyodo_inbox where event_id = ?", older)).isEqualTo("STALE");
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithTheErrorAndTheNextEventIsStillConsumed() {
        UUID widget = UUID.randomUUID();
        String poison = sendEvent(UUID.randomUUID().toString(), widget, 1, "this is not json {");
        sendWidget(widget, 2, "healthy");

        awaitName(widget, "healthy");
        try (KafkaRecords deadLetters = KafkaRecords.from(DLQ)) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> poison.equals(KafkaRecords.header(r, "ce_id")),
                    Duration.ofSeconds(20));
            assertThat(KafkaRecords.value(dead)).isEqualTo("this is not json {");
            assertThat(KafkaRecords.header(dead, "kyodo_dlq_error")).contains("jp.kyodo.widget.created.v1", "does not fit");
            assertThat(KafkaRecords.header(dead, "kyodo_dlq_topic")).isEqualTo(WIDGET_TOPIC);
        }
        assertThat(text("select outcome from kyodo_inbox where event_id = ?", poison)).isEqualTo("DEAD_LETTERED");
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLetteredAndTheConsumerMovesOn() {
        UUID widget = UUID.randomUUID();
        String exploding = sendWidget(widget, 1, "explode");
        sendWidget(widget, 2, "calm");

        awaitName(widget, "calm");
        assertThat(appliedCount(widget)).as("the failed attempts left no effect").isEqualTo(1);
        try (KafkaRecords deadLetters = KafkaRecords.from(DLQ)) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(
                    r -> exploding.equals(KafkaRecords.header(r, "ce_id")), Duration.ofSeconds(20));
            assertThat(KafkaRecords.header(dead, "kyodo_dlq_error")).contains("refuses widgets called explode");
        }
    }

    @Test
    void aRecordThatIsNotACloudEventIsDeadLettered() {
        String key = UUID.randomUUID().toString();
        KafkaRecords.send(WIDGET_TOPIC, key, "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        try (KafkaRecords deadLetters = KafkaRecords.from(DLQ)) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(KafkaRecords.header(dead, "kyodo_dlq_error")).contains("not a CloudEvent");
        }
    }

    private String sendWidget(UUID widget, long version, String name) {
        return sendEvent(UUID.randomUUID().toString(), widget, version,
                "{\"widgetId\":\"" + widget + "\",\"name\":\"" + name + "\",\"version\":" + version + "}");
    }

    private static String sendEvent(String eventId, UUID widget, long version, String payload) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_source", "/kyodo/widget-test");
        headers.put("ce_type", WIDGET_CREATED);
        headers.put("ce_subject", widget.toString());
        headers.put("ce_aggregateversion", Long.toString(version));
        headers.put("content-type", "application/json");
        KafkaRecords.send(WIDGET_TOPIC, widget.toString(), payload.getBytes(StandardCharsets.UTF_8), headers);
        return eventId;
    }

    private void awaitName(UUID widget, String name) {
        awaitTrue("the widget is called " + name, Duration.ofSeconds(30),
                () -> name.equals(text("select name from widget_projection where widget_id = ?", widget)));
    }
}
