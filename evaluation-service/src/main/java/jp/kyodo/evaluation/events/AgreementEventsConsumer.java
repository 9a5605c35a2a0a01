package jp.kyodo.evaluation.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.evaluation.service.PlanService;
import jp.kyodo.evaluation.service.ProgrammeReadModel;
import jp.kyodo.evaluation.service.RoundService;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.Inbox;
import jp.kyodo.platform.inbox.Ordering;
import jp.kyodo.platform.inbox.PoisonEventException;

/**
 * Turns an agreement's activation into its evaluation plan and its completion into the FINAL round, for the
 * collaborations agreement-service says are evaluated (not an endorsement), and keeps the programme read model's
 * agreements and settlements. Every distinct
 * event is looked at (a completion may arrive before the activation it follows); the effects themselves happen at
 * most once, whatever is delivered again.
 */
@ApplicationScoped
public class AgreementEventsConsumer {

    public static final String CHANNEL = "agreement-events";
    public static final String ACTIVATED = EventTypes.of("agreement.activated");
    public static final String COMPLETED = EventTypes.of("agreement.completed");
    public static final String AMENDED = EventTypes.of("agreement.amended");
    public static final String TERMINATED = EventTypes.of("agreement.terminated");
    public static final String SETTLEMENT_RECORDED = EventTypes.of("agreement.settlement-recorded");

    private static final Logger LOG = Logger.getLogger(AgreementEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    PlanService plans;

    @Inject
    RoundService rounds;

    @Inject
    ProgrammeReadModel programme;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, this::apply);
    }

    void apply(IncomingEvent event) {
        if (ACTIVATED.equals(event.type())) {
            AgreementSnapshot activated = valid(event.payload(AgreementSnapshot.class), event);
            if (activated.isEvaluated()) {
                plans.planFor(activated);
            }
            programme.agreement(activated, "ACTIVE", event.time() == null ? null : event.time().toInstant());
        } else if (COMPLETED.equals(event.type())) {
            AgreementSnapshot completed = valid(event.payload(AgreementSnapshot.class), event);
            if (completed.isEvaluated()) {
                rounds.openFinalOnCompletion(completed);
            }
            programme.agreement(completed, "COMPLETED", null);
        } else if (AMENDED.equals(event.type())) {
            programme.agreement(valid(event.payload(AgreementSnapshot.class), event), "ACTIVE", null);
        } else if (TERMINATED.equals(event.type())) {
            AgreementSnapshot terminated = event.payload(AgreementSnapshot.class);
            programme.terminated(terminated.agreementId(), terminated.version());
        } else if (SETTLEMENT_RECORDED.equals(event.type())) {
            programme.settlement(event.payload(ProgrammeFacts.SettlementFacts.class));
        } else {
            LOG.debugf("%s is of no concern to evaluations", event);
        }
    }

    /** A snapshot without what a plan is made of can never be applied: it is dead-lettered at once. */
    private static AgreementSnapshot valid(AgreementSnapshot s, IncomingEvent event) {
        if (s.agreementId() == null || s.title() == null || s.field() == null || s.collaborationForm() == null
                || s.activityArea() == null || s.term() == null || s.term().start() == null || s.term().end() == null
                || s.parties() == null || s.parties().isEmpty()) {
            throw new PoisonEventException(event.type() + " " + event.id() + " lacks the fields an evaluation plan needs");
        }
        return s;
    }
}
