package jp.kyodo.directory.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.platform.problem.ProblemException;

/**
 * 人材紹介: a talent of the talent bank introduced, for the needs of a consultation at the desk or of a proposal, to
 * those who came (an organisation, when it is in the directory). The talent answers; only an accepted introduction
 * shares their contact, read from their entry at that time.
 */
@Entity
@Table(name = "introduction")
public class Introduction extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "talent_entry_id")
    public UUID talentEntryId;
    @Column(name = "talent_subject")
    public String talentSubject;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "intake_id")
    public UUID intakeId;
    @Column(name = "proposal_id")
    public UUID proposalId;
    @Column(name = "recipient_organization_id")
    public UUID recipientOrganizationId;
    /** Fields of the needs, codes joined by ','. */
    public String fields;
    public String message;
    @Enumerated(EnumType.STRING)
    public IntroductionState state;
    @Column(name = "answer_note")
    public String answerNote;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;
    @Version
    public long version;

    public static Introduction require(UUID id) {
        Introduction introduction = findById(id);
        if (introduction == null) {
            throw ProblemException.notFound("No such introduction.", "紹介が見つかりません。");
        }
        return introduction;
    }

    /** The talent's answer, once. */
    public void answer(boolean accept, String note) {
        if (state != IntroductionState.REQUESTED) {
            throw ProblemException.invalidTransition(state.name(), accept ? "ACCEPTED" : "DECLINED", java.util.List.of());
        }
        state = accept ? IntroductionState.ACCEPTED : IntroductionState.DECLINED;
        answerNote = note;
        answeredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public boolean sharesContact() {
        return state == IntroductionState.ACCEPTED;
    }
}
