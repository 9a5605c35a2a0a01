package jp.kyodo.directory.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.domain.Introduction;
import jp.kyodo.directory.domain.IntroductionState;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;

/**
 * Introductions (人材紹介) as facts on {@code kyodo.directory.v1}: for which consultation or proposal, to which
 * organisation, in which fields, and the answer. Never the talent (not even their entry or login), the message or a
 * contact.
 */
@ApplicationScoped
public class IntroductionEvents {

    public static final String REQUESTED = EventTypes.of("introduction.requested");
    public static final String ACCEPTED = EventTypes.of("introduction.accepted");
    public static final String DECLINED = EventTypes.of("introduction.declined");

    public record IntroductionFacts(UUID introductionId, long version, UUID intakeId, UUID proposalId,
            UUID recipientOrganizationId, List<String> fields, IntroductionState state, LocalDate requestedOn,
            OffsetDateTime requestedAt, OffsetDateTime answeredAt) {
    }

    @Inject
    Outbox outbox;

    public void requested(Introduction i) {
        publish(REQUESTED, i);
    }

    public void answered(Introduction i) {
        publish(i.state == IntroductionState.ACCEPTED ? ACCEPTED : DECLINED, i);
    }

    private void publish(String type, Introduction i) {
        i.flush();
        List<String> fields = i.fields.isEmpty() ? List.of() : Arrays.asList(i.fields.split(","));
        outbox.publish(new DomainEvent(DirectoryEvents.TOPIC, type, i.id, i.version, new IntroductionFacts(i.id,
                i.version, i.intakeId, i.proposalId, i.recipientOrganizationId, fields, i.state,
                i.requestedAt.atZoneSameInstant(FiscalYear.CITY_ZONE).toLocalDate(), i.requestedAt, i.answeredAt)));
    }
}
