package jp.kyodo.platform.sample;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.Inbox;

/** Consumes widget events into a projection, counting how often each event took effect. */
@ApplicationScoped
public class WidgetEvents {

    public record WidgetCreated(UUID widgetId, String name, long version) {
    }

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Incoming("widgets")
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, this::apply);
    }

    private void apply(IncomingEvent event) {
        WidgetCreated created = event.payload(WidgetCreated.class);
        if ("explode".equals(created.name())) {
            throw new IllegalStateException("the projection refuses widgets called explode");
        }
        entityManager.createNativeQuery("""
                insert into widget_projection (widget_id, name, applied_count) values (?1, ?2, 1)
                on conflict (widget_id) do update set name = excluded.name,
                                                      applied_count = widget_projection.applied_count + 1
                """).setParameter(1, created.widgetId()).setParameter(2, created.name()).executeUpdate();
    }
}
