package jp.kyodo.platform.events;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.kyodo.platform.inbox.PoisonEventException;

/**
 * A CloudEvent received from Kafka, with where it came from so that it can be recorded and dead-lettered.
 */
public record IncomingEvent(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        OptionalLong aggregateVersion,
        Optional<String> requestId,
        Optional<String> traceparent,
        byte[] data,
        String topic,
        int partition,
        long offset,
        ObjectMapper mapper) {

    /**
     * The payload as the given type; a payload that does not fit is a poison event. Fields the consumer does not know
     * are ignored: producers may add optional fields within a version.
     */
    public <T> T payload(Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new PoisonEventException("payload of " + this.type + " does not fit " + type.getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + type + " " + id + " subject=" + subject + " v=" + aggregateVersion
                + " at " + topic + "/" + partition + "@" + offset + "]";
    }
}
