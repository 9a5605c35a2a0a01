package jp.kyodo.proposal.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.proposal.domain.committee.Committee;
import jp.kyodo.proposal.domain.committee.CommitteeKind;
import jp.kyodo.proposal.domain.committee.CommitteeMeeting;
import jp.kyodo.proposal.domain.committee.ConflictDeclaration;
import jp.kyodo.proposal.domain.committee.MeetingStatus;
import jp.kyodo.proposal.domain.committee.Quorum;

/**
 * Committee events on {@code kyodo.proposals.v1}: committees, their meetings (each its own aggregate) and conflict
 * declarations. Members appear as counts only: who sits on a committee or declared a conflict stays in the service.
 */
@ApplicationScoped
public class CommitteeEvents {

    public static final String ESTABLISHED = EventTypes.of("committee.established");
    public static final String MEMBERS_APPOINTED = EventTypes.of("committee.members-appointed");
    public static final String MEETING_SCHEDULED = EventTypes.of("committee.meeting-scheduled");
    public static final String MEETING_HELD = EventTypes.of("committee.meeting-held");
    public static final String MINUTES_RECORDED = EventTypes.of("committee.minutes-recorded");
    public static final String CONFLICT_DECLARED = EventTypes.of("committee.conflict-declared");

    public record CommitteeFacts(UUID committeeId, long version, UUID departmentId, CommitteeKind kind,
            int memberCount, int membersInOffice, Integer quorum, Instant occurredAt) {
    }

    public record MeetingFacts(UUID meetingId, long version, UUID committeeId, MeetingStatus status,
            Instant scheduledAt, int agendaItems, int proposalsOnAgenda, Integer presentCount,
            Integer membersInOffice, Boolean minutesRecorded, Instant occurredAt) {
    }

    public record ConflictDeclared(UUID declarationId, long version, UUID committeeId, UUID proposalId,
            UUID meetingId, Instant declaredAt) {
    }

    @Inject
    Outbox outbox;

    public void established(Committee c) {
        publish(ESTABLISHED, c.id, c.version, facts(c));
    }

    public void membersAppointed(Committee c) {
        publish(MEMBERS_APPOINTED, c.id, c.version, facts(c));
    }

    public void meetingScheduled(Committee c, CommitteeMeeting m) {
        publish(MEETING_SCHEDULED, m.id, m.version, facts(c, m));
    }

    public void meetingHeld(Committee c, CommitteeMeeting m) {
        publish(MEETING_HELD, m.id, m.version, facts(c, m));
    }

    public void minutesRecorded(Committee c, CommitteeMeeting m) {
        publish(MINUTES_RECORDED, m.id, m.version, facts(c, m));
    }

    public void conflictDeclared(ConflictDeclaration d) {
        publish(CONFLICT_DECLARED, d.id, 0, new ConflictDeclared(d.id, 0, d.committeeId, d.proposalId, d.meetingId,
                d.declaredAt));
    }

    private static CommitteeFacts facts(Committee c) {
        return new CommitteeFacts(c.id, c.version, c.departmentId, c.kind, c.members.size(),
                c.membersInOffice(LocalDate.now(FiscalYear.CITY_ZONE)).size(), c.quorum, Instant.now());
    }

    private static MeetingFacts facts(Committee c, CommitteeMeeting m) {
        boolean held = m.status == MeetingStatus.HELD;
        Quorum quorum = held ? Quorum.at(c, m, java.util.Set.of()) : null;
        return new MeetingFacts(m.id, m.version, m.committeeId, m.status, m.scheduledAt, m.agenda.size(),
                (int) m.agenda.stream().mapToLong(i -> i.proposalIds().size()).sum(),
                held ? m.attendance.size() : null, held ? quorum.inOffice() : null,
                held ? m.minutes != null : null, Instant.now());
    }

    private void publish(String type, UUID aggregateId, long version, Object payload) {
        outbox.publish(new DomainEvent(ProposalEvents.TOPIC, type, aggregateId, version, payload));
    }
}
