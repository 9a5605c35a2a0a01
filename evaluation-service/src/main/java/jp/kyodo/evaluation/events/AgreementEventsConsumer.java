package jp.kyodo.evaluation.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Blocking;
import jp.kyodo.evaluation.service.PlanService;
import jp.kyodo.evaluation.service.RoundService;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.events.IncomingEvent;
import jp.kyodo.platform.inbox.Inbox;
import jp.kyodo.platform.inbox.Ordering;
import jp.kyodo.platform.inbox.PoisonEventException;

/**
 * Turns an agreement's activation into its evaluation plan and its completion into the FINAL round, for the
 * collaborations agreement-service says are evaluated (not an endorsement). Every distinct
 * event is looked at (a completion may arrive before the activation it follows); the effects themselves happen at
 * most once, whatever is delivered again.
 */
@ApplicationScoped
public class AgreementEventsConsumer {

    public static final String CHANNEL = "agreement-events";
    public static final String ACTIVATED = EventTypes.of("agreement.activated");
    public static final String COMPLETED = EventTypes.of("agreement.completed");

    private static final Logger LOG = Logger.getLogger(AgreementEventsConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    PlanService plans;

    @Inject
    RoundService rounds;

    @Incoming(CHANNEL)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, Ordering.EVERY_EVENT, this::apply);
    }

    void apply(IncomingEvent event) {
        if (!ACTIVATED.equals(event.type()) && !COMPLETED.equals(event.type())) {
            LOG.debugf("%s is of no concern to evaluations", event);
            return;
        }
        AgreementSnapshot agreement = event.payload(AgreementSnapshot.class);
        if (!agreement.isEvaluated()) {
            // The form's procedure says so (後援: the city records the event report, nothing is evaluated).
            LOG.debugf("%s: agreement %s is not evaluated", event, agreement.agreementId());
        } else if (ACTIVATED.equals(event.type())) {
            plans.planFor(valid(agreement, event));
        } else if (COMPLETED.equals(event.type())) {
            rounds.openFinalOnCompletion(valid(agreement, event));
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
