package jp.kyodo.proposal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.committee.AgendaItem;
import jp.kyodo.proposal.domain.committee.Committee;
import jp.kyodo.proposal.domain.committee.CommitteeKind;
import jp.kyodo.proposal.domain.committee.CommitteeMeeting;
import jp.kyodo.proposal.domain.committee.CommitteeMember;
import jp.kyodo.proposal.domain.committee.ConflictDeclaration;
import jp.kyodo.proposal.domain.committee.MeetingStatus;
import jp.kyodo.proposal.events.CommitteeEvents;

/**
 * Committees, their members and meetings. The department that runs a committee is its secretariat (事務局): its staff
 * appoint members, call meetings, record attendance and minutes. Members read their committee and declare their own
 * conflicts of interest; staff, coordinators and administrators read every committee.
 */
@ApplicationScoped
public class CommitteeService {

    @Inject
    ProposalAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    CommitteeEvents events;

    @Transactional
    public Committee establish(UUID departmentId, String name, CommitteeKind kind, Integer quorum,
            List<CommitteeMember> members) {
        access.requireDepartmentStaff(departmentId);
        checkMembers(members, quorum);
        Committee committee = new Committee();
        committee.id = UUID.randomUUID();
        committee.departmentId = departmentId;
        committee.name = name.strip();
        committee.kind = kind;
        committee.quorum = quorum;
        committee.members = List.copyOf(members);
        committee.createdBy = access.subject();
        committee.createdAt = Instant.now();
        committee.persistAndFlush();
        audit.record(AuditRecord.of("Committee", committee.id, committee.version, "established").actingFor(departmentId)
                .details(Map.of("memberCount", members.size())));
        events.established(committee);
        return committee;
    }

    @Transactional
    public Committee appoint(UUID committeeId, IfMatch ifMatch, UUID actingFor, Integer quorum,
            List<CommitteeMember> members) {
        Committee committee = Committee.require(committeeId);
        requireSecretariat(committee, actingFor);
        ifMatch.requireCurrent(committee.version);
        checkMembers(members, quorum);
        if (committee.members.equals(members) && java.util.Objects.equals(committee.quorum, quorum)) {
            return committee; // the same appointment again changes nothing, so nothing is recorded or announced
        }
        committee.members = List.copyOf(members);
        committee.quorum = quorum;
        committee.flush();
        audit.record(AuditRecord.of("Committee", committee.id, committee.version, "members-appointed").actingFor(actingFor)
                .details(Map.of("memberCount", members.size())));
        events.membersAppointed(committee);
        return committee;
    }

    public Committee read(UUID committeeId) {
        Committee committee = Committee.require(committeeId);
        requireReader(committee);
        return committee;
    }

    /** Every committee for staff, coordinators and administrators; for anyone else those they sit on. */
    public List<Committee> list(Cursor after, int fetchSize) {
        access.subject();
        boolean all = access.isCityOrCoordinator();
        String order = " order by createdAt, id";
        List<Committee> rows = after == null ? Committee.<Committee>find("from Committee" + order).list()
                : Committee.<Committee>find("from Committee where createdAt > ?1 or (createdAt = ?1 and id > ?2)" + order,
                        Instant.parse(after.value(0)), UUID.fromString(after.value(1))).list();
        // A reviewer sits on a few committees: filtering in memory keeps the membership JSON out of the query.
        return rows.stream().filter(c -> all || c.isMember(access.subject())).limit(fetchSize).toList();
    }

    @Transactional
    public CommitteeMeeting schedule(UUID committeeId, UUID actingFor, String title, Instant scheduledAt, String place,
            List<AgendaItem> agenda) {
        Committee committee = Committee.require(committeeId);
        requireSecretariat(committee, actingFor);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            List<UUID> proposals = agenda.get(i).proposalIds();
            for (int j = 0; j < proposals.size(); j++) {
                if (Proposal.findById(proposals.get(j)) == null) {
                    errors.add(FieldError.of("agenda[" + i + "].proposalIds[" + j + "]", "No such proposal.",
                            "提案が見つかりません。"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        CommitteeMeeting meeting = new CommitteeMeeting();
        meeting.id = UUID.randomUUID();
        meeting.committeeId = committeeId;
        meeting.title = title.strip();
        meeting.scheduledAt = scheduledAt;
        meeting.place = place;
        meeting.agenda = List.copyOf(agenda);
        meeting.status = MeetingStatus.SCHEDULED;
        meeting.createdAt = Instant.now();
        meeting.persistAndFlush();
        audit.record(AuditRecord.of("CommitteeMeeting", meeting.id, meeting.version, "scheduled")
                .transition(null, MeetingStatus.SCHEDULED).actingFor(actingFor));
        events.meetingScheduled(committee, meeting);
        return meeting;
    }

    public CommitteeMeeting meeting(UUID committeeId, UUID meetingId) {
        requireReader(Committee.require(committeeId));
        return CommitteeMeeting.require(committeeId, meetingId);
    }

    public List<CommitteeMeeting> meetings(UUID committeeId, Cursor after, int fetchSize) {
        requireReader(Committee.require(committeeId));
        String order = " order by scheduledAt, id";
        if (after == null) {
            return CommitteeMeeting.find("committeeId = ?1" + order, committeeId).page(0, fetchSize).list();
        }
        return CommitteeMeeting.find("committeeId = ?1 and (scheduledAt > ?2 or (scheduledAt = ?2 and id > ?3))" + order,
                committeeId, Instant.parse(after.value(0)), UUID.fromString(after.value(1))).page(0, fetchSize).list();
    }

    /** The secretariat records who attended: the meeting is then held (開催). Attendance can be corrected. */
    @Transactional
    public CommitteeMeeting recordAttendance(UUID committeeId, UUID meetingId, IfMatch ifMatch, UUID actingFor,
            List<String> present) {
        Committee committee = Committee.require(committeeId);
        requireSecretariat(committee, actingFor);
        CommitteeMeeting meeting = CommitteeMeeting.require(committeeId, meetingId);
        ifMatch.requireCurrent(meeting.version);
        LocalDate day = LocalDate.ofInstant(meeting.scheduledAt, jp.kyodo.kernel.FiscalYear.CITY_ZONE);
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < present.size(); i++) {
            if (!committee.isMemberInOffice(present.get(i), day)) {
                errors.add(FieldError.of("present[" + i + "]", "Not a member in office on the meeting's day.",
                        "会議の日に在任する委員ではありません。"));
            } else if (!seen.add(present.get(i))) {
                errors.add(FieldError.of("present[" + i + "]", "Named twice.", "重複しています。"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        MeetingStatus from = meeting.status;
        meeting.attendance = List.copyOf(present);
        meeting.status = MeetingStatus.HELD;
        if (meeting.heldAt == null) {
            meeting.heldAt = meeting.scheduledAt;
        }
        meeting.flush();
        audit.record(AuditRecord.of("CommitteeMeeting", meeting.id, meeting.version, "attendance-recorded")
                .transition(from, MeetingStatus.HELD).actingFor(actingFor)
                .details(Map.of("presentCount", present.size())));
        events.meetingHeld(committee, meeting);
        return meeting;
    }

    @Transactional
    public CommitteeMeeting recordMinutes(UUID committeeId, UUID meetingId, IfMatch ifMatch, UUID actingFor,
            String minutes) {
        Committee committee = Committee.require(committeeId);
        requireSecretariat(committee, actingFor);
        CommitteeMeeting meeting = CommitteeMeeting.require(committeeId, meetingId);
        ifMatch.requireCurrent(meeting.version);
        if (meeting.status != MeetingStatus.HELD) {
            throw ProblemException.conflict("Minutes are recorded once the meeting is held (attendance recorded).",
                    "議事録は会議の開催（出席の記録）後に記録できます。");
        }
        meeting.minutes = minutes;
        meeting.minutesRecordedAt = Instant.now();
        meeting.flush();
        audit.record(AuditRecord.of("CommitteeMeeting", meeting.id, meeting.version, "minutes-recorded").actingFor(actingFor));
        events.minutesRecorded(committee, meeting);
        return meeting;
    }

    /**
     * A member declares a conflict of interest on a proposal (for the whole screening, or for one meeting); the
     * secretariat may record a member's declaration for them.
     */
    @Transactional
    public ConflictDeclaration declareConflict(UUID committeeId, UUID actingFor, String member, UUID proposalId,
            UUID meetingId, String reason) {
        Committee committee = Committee.require(committeeId);
        String caller = access.subject();
        String declarant = member == null ? caller : member;
        if (!declarant.equals(caller)) {
            requireSecretariat(committee, actingFor);
        } else if (!committee.isMember(caller)) {
            throw ProblemException.forbidden("Only a member of the committee declares a conflict of interest.",
                    "利害関係の申告は委員が行います。");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!committee.isMember(declarant)) {
            errors.add(FieldError.of("member", "Not a member of this committee.", "この委員会の委員ではありません。"));
        }
        if (Proposal.findById(proposalId) == null) {
            errors.add(FieldError.of("proposalId", "No such proposal.", "提案が見つかりません。"));
        }
        if (meetingId != null) {
            CommitteeMeeting meeting = CommitteeMeeting.findById(meetingId);
            if (meeting == null || !meeting.committeeId.equals(committeeId)) {
                errors.add(FieldError.of("meetingId", "No such meeting of this committee.",
                        "この委員会の会議が見つかりません。"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        ConflictDeclaration declaration = new ConflictDeclaration();
        declaration.id = UUID.randomUUID();
        declaration.committeeId = committeeId;
        declaration.member = declarant;
        declaration.proposalId = proposalId;
        declaration.meetingId = meetingId;
        declaration.reason = reason;
        declaration.declaredBy = caller;
        declaration.declaredAt = Instant.now();
        declaration.persistAndFlush();
        audit.record(AuditRecord.of("ConflictDeclaration", declaration.id, 0, "declared").actingFor(actingFor)
                .details(Map.of("committeeId", committeeId.toString(), "proposalId", proposalId.toString())));
        events.conflictDeclared(declaration);
        return declaration;
    }

    public List<ConflictDeclaration> declarations(UUID committeeId, Cursor after, int fetchSize) {
        requireReader(Committee.require(committeeId));
        String order = " order by declaredAt, id";
        if (after == null) {
            return ConflictDeclaration.find("committeeId = ?1" + order, committeeId).page(0, fetchSize).list();
        }
        return ConflictDeclaration.find(
                "committeeId = ?1 and (declaredAt > ?2 or (declaredAt = ?2 and id > ?3))" + order, committeeId,
                Instant.parse(after.value(0)), UUID.fromString(after.value(1))).page(0, fetchSize).list();
    }

    /** City staff of the committee's department, acting for it. */
    void requireSecretariat(Committee committee, UUID actingFor) {
        access.requireDepartmentStaff(actingFor);
        if (!committee.departmentId.equals(actingFor)) {
            throw ProblemException.forbidden("The committee is run by another department.",
                    "この委員会の事務局は別の所管課です。");
        }
    }

    private void requireReader(Committee committee) {
        access.subject();
        if (!access.isCityOrCoordinator() && !committee.isMember(access.subject())) {
            throw ProblemException.forbidden("Committees are read by their members, city staff and coordinators.",
                    "委員会を閲覧できるのは委員・市職員・コーディネーターです。");
        }
    }

    private static void checkMembers(List<CommitteeMember> members, Integer quorum) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            CommitteeMember m = members.get(i);
            if (!subjects.add(m.subject())) {
                errors.add(FieldError.of("members[" + i + "].subject", "Appointed twice.", "重複して委嘱されています。"));
            }
            if (m.termEnd().isBefore(m.termStart())) {
                errors.add(FieldError.of("members[" + i + "].termEnd", "The term ends before it starts.",
                        "任期の終了日が開始日より前です。"));
            }
        }
        if (quorum != null && quorum > members.size()) {
            errors.add(FieldError.of("quorum", "The quorum exceeds the number of members.", "定足数が委員数を超えています。"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }
}
