package jp.kyodo.agreement.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jp.kyodo.agreement.domain.content.MilestoneKind;

/**
 * Payload of agreement.milestone-reached: a party recorded a milestone or reflection point (振り返り) of the version in
 * force as reached. Names it by id, kind and dates; its wording stays in the agreement, which publishes no milestones.
 */
public record AgreementMilestoneReached(UUID agreementId, long version, UUID milestoneId, MilestoneKind kind,
        LocalDate dueDate, LocalDate reachedOn, UUID recordedFor, Instant recordedAt) {
}
