package jp.kyodo.agreement.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.platform.attachments.AttachmentEvent;
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
    public static final String WORKING_COPY_EDITED = EventTypes.of("agreement.working-copy-edited");
    public static final String AMENDMENT_STARTED = EventTypes.of("agreement.amendment-started");
    /** v2: without the signer's login subject (identifiers in events: README, For analysts). */
    public static final String SIGNED = EventTypes.PREFIX + "agreement.signed.v2";
    public static final String ACTIVATED = EventTypes.of("agreement.activated");
    public static final String AMENDED = EventTypes.of("agreement.amended");
    public static final String COST_REPORT_FILED = EventTypes.of("agreement.cost-report-filed");
    public static final String SETTLEMENT_RECORDED = EventTypes.of("agreement.settlement-recorded");
    public static final String MILESTONE_REACHED = EventTypes.of("agreement.milestone-reached");
    public static final String COMPLETED = EventTypes.of("agreement.completed");
    public static final String TERMINATED = EventTypes.of("agreement.terminated");
    public static final String ATTACHMENT_ADDED = EventTypes.of("agreement.attachment-added");
    public static final String ATTACHMENT_REMOVED = EventTypes.of("agreement.attachment-removed");
    public static final String REFUSED = EventTypes.of("agreement.refused");

    @Inject
    Outbox outbox;

    public void drafted(AgreementDrafted payload) {
        publish(DRAFTED, payload.agreementId(), payload.version(), payload);
    }

    public void workingCopyEdited(AgreementWorkingCopyEdited payload) {
        publish(WORKING_COPY_EDITED, payload.agreementId(), payload.version(), payload);
    }

    public void amendmentStarted(AgreementAmendmentStarted payload) {
        publish(AMENDMENT_STARTED, payload.agreementId(), payload.version(), payload);
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

    public void costReportFiled(AgreementCostReportFiled payload) {
        publish(COST_REPORT_FILED, payload.agreementId(), payload.version(), payload);
    }

    public void milestoneReached(AgreementMilestoneReached payload) {
        publish(MILESTONE_REACHED, payload.agreementId(), payload.version(), payload);
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

    public void attachmentAdded(AttachmentEvent payload) {
        publish(ATTACHMENT_ADDED, payload.aggregateId(), payload.version(), payload);
    }

    public void attachmentRemoved(AttachmentEvent payload) {
        publish(ATTACHMENT_REMOVED, payload.aggregateId(), payload.version(), payload);
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
