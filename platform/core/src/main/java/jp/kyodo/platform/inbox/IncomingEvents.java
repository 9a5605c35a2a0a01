package jp.kyodo.platform.inbox;

import java.util.Optional;
import java.util.OptionalLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;

/** Reads a binary-mode CloudEvent from a Kafka record. */
final class IncomingEvents {

    private IncomingEvents() {
    }

    static IncomingEvent read(ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
        if (event.getSubject() == null) {
            throw new PoisonEventException("CloudEvent " + event.getId() + " has no subject");
        }
        return new IncomingEvent(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime(), version(event), Optional.ofNullable(text(event, EventTypes.REQUEST_ID)),
                Optional.ofNullable(text(event, EventTypes.TRACEPARENT)),
                event.getData() == null ? new byte[0] : event.getData().toBytes(), record.topic(), record.partition(),
                record.offset(), mapper);
    }

    private static OptionalLong version(CloudEvent event) {
        Object value = event.getExtension(EventTypes.AGGREGATE_VERSION);
        if (value == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(value instanceof Number n ? n.longValue() : Long.parseLong(value.toString()));
        } catch (NumberFormatException e) {
            throw new PoisonEventException("aggregate version is not a number: " + value);
        }
    }

    private static String text(CloudEvent event, String extension) {
        Object value = event.getExtension(extension);
        return value == null ? null : value.toString();
    }
}
