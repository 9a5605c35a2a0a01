package jp.kyodo.agreement.procedure;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One thread of a form's procedure within a collaboration: a fiscal year's subsidy grant, a fiscal year's commission
 * performance, an event, an item lent, a request for supplies. Its state is one of its machine's states; its figures
 * are a typed record kept as JSON ({@link TrackData}); {@code dueOn} and {@code nextStep} say who must act next and by
 * when. It belongs to the agreement aggregate: every change bumps the agreement's version, which is the ETag.
 */
@Entity
@Table(name = "procedure_track")
public class ProcedureTrack extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Enumerated(EnumType.STRING)
    public TrackKind kind;
    @Column(name = "track_key")
    public String trackKey;
    public String state;
    /** JSON of the track's figures. */
    public String data;
    /** When the next step is due (期限); null when nobody has to act. */
    @Column(name = "due_on")
    public LocalDate dueOn;
    /** The next step expected, e.g. RESULTS_REPORT; null when the track is closed. */
    @Column(name = "next_step")
    public String nextStep;
    /** Who takes it: PARTNER, CITY or INSPECTOR. */
    @Column(name = "next_actor")
    public String nextActor;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The step and actor expected when the track was read, before a step changed them; null for a new track. */
    @Transient
    private String expectedWhenRead;
    @Transient
    private String actorWhenRead;

    @PostLoad
    void rememberExpectation() {
        expectedWhenRead = nextStep;
        actorWhenRead = nextActor;
    }

    /** The step that was expected before this transaction changed the track; null if none (or the track is new). */
    public String expectedWhenRead() {
        return expectedWhenRead;
    }

    public Actor actorWhenRead() {
        return actorWhenRead == null ? null : Actor.valueOf(actorWhenRead);
    }

    public static ProcedureTrack open(UUID agreementId, TrackKind kind, String key, Enum<?> state, Object data) {
        ProcedureTrack track = new ProcedureTrack();
        track.id = UUID.randomUUID();
        track.agreementId = agreementId;
        track.kind = kind;
        track.trackKey = key;
        track.state = state.name();
        track.data = TrackData.write(data);
        track.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        track.updatedAt = track.createdAt;
        return track;
    }

    public static Optional<ProcedureTrack> of(UUID agreementId, TrackKind kind, String key) {
        return find("agreementId = ?1 and kind = ?2 and trackKey = ?3", agreementId, kind, key).firstResultOptional();
    }

    public static List<ProcedureTrack> allOf(UUID agreementId) {
        return list("agreementId = ?1 order by kind, trackKey", agreementId);
    }

    public static List<ProcedureTrack> allOf(UUID agreementId, TrackKind kind) {
        return list("agreementId = ?1 and kind = ?2 order by trackKey", agreementId, kind);
    }

    public <S extends Enum<S>> S state(Class<S> states) {
        return Enum.valueOf(states, state);
    }

    public <T> T data(Class<T> type) {
        return TrackData.read(data, type);
    }

    /** Who must act next and by when; all null once nobody has to. */
    public void expect(Enum<?> step, Actor actor, LocalDate due) {
        nextStep = step == null ? null : step.name();
        nextActor = actor == null ? null : actor.name();
        dueOn = due;
    }

    public void nothingExpected() {
        expect(null, null, null);
    }

    /** Who takes the next step of a track. */
    public enum Actor {
        /** The partner (the organisation that is not the city). */
        PARTNER,
        /** The department (所管課). */
        CITY,
        /** The inspector (検査員) the department appointed. */
        INSPECTOR
    }
}
