package jp.kyodo.agreement.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.agreement.service.AgreementDrafting;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.Inbox;
import jp.kyodo.platform.inbox.Ordering;

/**
 * Drafts an agreement from each adopted proposal. Only proposal.adopted matters here; the other proposal events
 * pass through the inbox and change nothing. Every distinct event is looked at (the draft itself guarantees one
 * agreement per proposal, whatever is redelivered).
 */
@ApplicationScoped
public class ProposalEventsConsumer {

    public static final String CHANNEL = "proposal-events";

    @Inject
    Inbox inbox;

    @Inject
    AgreementDrafting drafting;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (ProposalAdopted.TYPE.equals(event.type())) {
            drafting.draftFromProposal(event.payload(ProposalAdopted.class));
        }
    }
}
