package jp.kyodo.proposal.domain.committee;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.ProblemException;

/** A meeting of a committee (会議): agenda, who attended, and the minutes (議事録). */
@Entity
@Table(name = "committee_meeting")
public class CommitteeMeeting extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "committee_id")
    public UUID committeeId;
    public String title;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    public String place;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<AgendaItem> agenda;
    @Enumerated(EnumType.STRING)
    public MeetingStatus status;
    /** Subjects of the members present; recorded when the meeting is held. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> attendance;
    @Column(name = "held_at")
    public Instant heldAt;
    public String minutes;
    @Column(name = "minutes_recorded_at")
    public Instant minutesRecordedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static CommitteeMeeting require(UUID committeeId, UUID meetingId) {
        CommitteeMeeting meeting = findById(meetingId);
        if (meeting == null || !meeting.committeeId.equals(committeeId)) {
            throw ProblemException.notFound("No such meeting of this committee.", "この委員会の会議が見つかりません。");
        }
        return meeting;
    }

    public boolean deliberatesOn(UUID proposalId) {
        return agenda.stream().anyMatch(item -> item.proposalIds().contains(proposalId));
    }
}
