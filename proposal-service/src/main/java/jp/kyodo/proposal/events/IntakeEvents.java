package jp.kyodo.proposal.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.proposal.domain.intake.Intake;
import jp.kyodo.proposal.domain.intake.IntakeChannel;
import jp.kyodo.proposal.domain.intake.IntakeOutcome;
import jp.kyodo.proposal.domain.intake.IntakeStatus;

/**
 * The consultation desk's records as facts on {@code kyodo.proposals.v1}: when, how, about which field, where it was
 * referred and what came of it. Never the visitor's name or contact, the topic or the notes (free text about people),
 * nor who was assigned.
 */
@ApplicationScoped
public class IntakeEvents {

    public static final String RECORDED = EventTypes.of("intake.recorded");
    public static final String FOLLOWED_UP = EventTypes.of("intake.followed-up");
    public static final String CLOSED = EventTypes.of("intake.closed");
    public static final String CONTACT_ERASED = EventTypes.of("intake.contact-erased");

    public record IntakeFacts(UUID intakeId, long version, LocalDate receivedOn, int fiscalYear, IntakeChannel channel,
            Intake.VisitorKind visitorKind, UUID visitorOrganizationId, FieldOfActivity field,
            UUID referredDepartmentId, boolean coordinatorAssigned, IntakeStatus status, IntakeOutcome outcome,
            UUID proposalId, Instant occurredAt) {
    }

    @Inject
    Outbox outbox;

    public void recorded(Intake i) {
        publish(RECORDED, i, i.createdAt);
    }

    public void followedUp(Intake i) {
        publish(FOLLOWED_UP, i, Instant.now());
    }

    public void closed(Intake i) {
        publish(CLOSED, i, i.closedAt);
    }

    public void contactErased(Intake i) {
        publish(CONTACT_ERASED, i, i.contactErasedAt);
    }

    private void publish(String type, Intake i, Instant when) {
        outbox.publish(new DomainEvent(ProposalEvents.TOPIC, type, i.id, i.version, new IntakeFacts(i.id, i.version,
                i.receivedOn, i.fiscalYear(), i.channel, i.visitorKind(), i.visitorOrganizationId, i.field,
                i.referredDepartmentId, i.assignedCoordinator != null, i.status, i.outcome, i.proposalId, when)));
    }
}
