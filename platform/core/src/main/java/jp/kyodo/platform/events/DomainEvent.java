package jp.kyodo.platform.events;

import java.util.Objects;
import java.util.UUID;

/**
 * A fact about one aggregate, published on the aggregate family's topic and keyed by the aggregate id.
 *
 * @param topic            e.g. {@code kyodo.proposals.v1}
 * @param type             the CloudEvents type, e.g. {@code jp.kyodo.proposal.adopted.v1}
 * @param aggregateId      the CloudEvents subject and the Kafka key
 * @param aggregateVersion the aggregate's version after the change; consumers apply only newer versions
 * @param payload          the consumer-facing snapshot, serialised as JSON
 */
public record DomainEvent(String topic, String type, UUID aggregateId, long aggregateVersion, Object payload) {

    public DomainEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        if (!type.startsWith(EventTypes.PREFIX) || !type.matches(".*\\.v\\d+$")) {
            throw new IllegalArgumentException("event type must look like jp.kyodo.<name>.v<N>: " + type);
        }
    }
}
