package jp.kyodo.agreement.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;

/**
 * Publishes the agreement events on {@code kyodo.agreements.v1} through the outbox. Callers flush the agreement
 * first, so the version in the payload is the one the change produced.
 */
@ApplicationScoped
public class AgreementEvents {

    public static final String TOPIC = "kyodo.agreements.v1";
    public static final String DRAFTED = EventTypes.of("agreement.drafted");
    public static final String VERSION_FROZEN = EventTypes.of("agreement.version-frozen");
    public static final String SIGNED = EventTypes.of("agreement.signed");
    public static final String ACTIVATED = EventTypes.of("agreement.activated");
    public static final String AMENDED = EventTypes.of("agreement.amended");
    public static final String SETTLEMENT_RECORDED = EventTypes.of("agreement.settlement-recorded");
    public static final String COMPLETED = EventTypes.of("agreement.completed");
    public static final String TERMINATED = EventTypes.of("agreement.terminated");
    public static final String REFUSED = EventTypes.of("agreement.refused");

    @Inject
    Outbox outbox;

    public void drafted(AgreementDrafted payload) {
        publish(DRAFTED, payload.agreementId(), payload.version(), payload);
    }

    public void versionFrozen(AgreementVersionFrozen payload) {
        publish(VERSION_FROZEN, payload.agreementId(), payload.version(), payload);
    }

    public void signed(AgreementSigned payload) {
        publish(SIGNED, payload.agreementId(), payload.version(), payload);
    }

    public void activated(AgreementInForce payload) {
        publish(ACTIVATED, payload.agreementId(), payload.version(), payload);
    }

    public void amended(AgreementInForce payload) {
        publish(AMENDED, payload.agreementId(), payload.version(), payload);
    }

    public void settlementRecorded(AgreementSettlementRecorded payload) {
        publish(SETTLEMENT_RECORDED, payload.agreementId(), payload.version(), payload);
    }

    public void completed(AgreementInForce payload) {
        publish(COMPLETED, payload.agreementId(), payload.version(), payload);
    }

    public void terminated(AgreementTerminated payload) {
        publish(TERMINATED, payload.agreementId(), payload.version(), payload);
    }

    public void refused(AgreementRefused payload) {
        publish(REFUSED, payload.agreementId(), payload.version(), payload);
    }

    /** A step of a form's procedure, as {@code jp.kyodo.agreement.<name>.v1}. */
    public void stepTaken(String name, ProcedureStepTaken payload) {
        publish(EventTypes.of("agreement." + name), payload.agreementId(), payload.version(), payload);
    }

    private void publish(String type, UUID agreementId, long version, Object payload) {
        outbox.publish(new DomainEvent(TOPIC, type, agreementId, version, payload));
    }
}
