package jp.kyodo.directory.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.platform.inbox.Inbox;

/**
 * Keeps the {@link DirectoryReadModel} current from {@code kyodo.directory.v1}. A service that uses this module
 * configures the channel {@code directory-events} (topic, group id, deserializers) and adds
 * {@code db/directory-read-model} to its Flyway locations.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    public static final String CHANNEL = "directory-events";

    @Inject
    Inbox inbox;

    @Inject
    DirectoryReadModel readModel;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, readModel::apply);
    }
}
