package jp.kyodo.evaluation.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.evaluation.service.ProgrammeReadModel;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.Inbox;
import jp.kyodo.platform.inbox.Ordering;

/**
 * Feeds the programme read model from {@code kyodo.proposals.v1}: proposals from submission to their end, the
 * consultation desk's records and public comment periods. Every distinct event is applied (the read model merges by
 * version), so nothing depends on delivery order.
 */
@ApplicationScoped
public class ProposalEventsConsumer {

    public static final String CHANNEL = "proposal-events";

    private static final String PROPOSAL = EventTypes.PREFIX + "proposal.";
    private static final String INTAKE = EventTypes.PREFIX + "intake.";
    private static final String PUBLIC_COMMENT = EventTypes.PREFIX + "public-comment.";

    @Inject
    Inbox inbox;

    @Inject
    ProgrammeReadModel programme;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, this::apply);
    }

    void apply(IncomingEvent event) {
        String type = event.type();
        if (type.startsWith(PROPOSAL)) {
            String status = switch (type.substring(PROPOSAL.length())) {
                case "submitted.v1" -> "SUBMITTED";
                case "adopted.v1" -> "ADOPTED";
                case "not-adopted.v1" -> "NOT_ADOPTED";
                case "withdrawn.v1" -> "WITHDRAWN";
                case "not-pursued.v1" -> "NOT_PURSUED";
                default -> null;
            };
            if (status != null) {
                programme.proposal(event.payload(ProgrammeFacts.ProposalFacts.class), status);
            }
        } else if (type.startsWith(INTAKE)) {
            programme.intake(event.payload(ProgrammeFacts.IntakeFacts.class));
        } else if (type.startsWith(PUBLIC_COMMENT)) {
            programme.commentPeriod(event.payload(ProgrammeFacts.CommentPeriodFacts.class),
                    type.endsWith("result-published.v1"));
        }
    }
}
