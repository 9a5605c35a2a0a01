package jp.kyodo.proposal.domain.committee;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * 定足数: a committee decides on a proposal only at a meeting where enough members are present. The quorum is the
 * committee's own number or, by default, a majority of the members in office on the day. A member with a declared
 * conflict on the proposal takes no part in it (除斥) and, as municipal committee rules commonly say, is not counted
 * towards the quorum either; the scores that count are those of the members present without a conflict.
 *
 * @param required       members needed
 * @param inOffice       members in office on the meeting's day
 * @param countedMembers members present, in office and without a conflict on the proposal
 */
public record Quorum(int required, int inOffice, List<String> countedMembers) {

    static final ZoneId CITY = jp.kyodo.kernel.FiscalYear.CITY_ZONE;

    public static Quorum at(Committee committee, CommitteeMeeting meeting, Set<String> conflicted) {
        LocalDate day = LocalDate.ofInstant(meeting.heldAt == null ? meeting.scheduledAt : meeting.heldAt, CITY);
        List<String> inOffice = committee.membersInOffice(day).stream().map(CommitteeMember::subject).toList();
        int required = committee.quorum != null ? committee.quorum : inOffice.size() / 2 + 1;
        List<String> counted = meeting.attendance == null ? List.of()
                : meeting.attendance.stream().filter(inOffice::contains).filter(s -> !conflicted.contains(s))
                        .distinct().toList();
        return new Quorum(required, inOffice.size(), counted);
    }

    public boolean isMet() {
        return countedMembers.size() >= required;
    }
}
