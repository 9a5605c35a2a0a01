package jp.kyodo.agreement.procedure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A step taken on a track, as it was taken (who, for whom, when, with what), never changed afterwards. */
@Entity
@Table(name = "procedure_step")
public class ProcedureStep extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "track_id")
    public UUID trackId;
    public String step;
    @Column(name = "from_state")
    public String fromState;
    @Column(name = "to_state")
    public String toState;
    /** JSON of what was entered with the step. */
    public String data;
    @Column(name = "acting_for")
    public UUID actingFor;
    /** Subject of the person who took it. */
    public String actor;
    @Column(name = "taken_at")
    public OffsetDateTime takenAt;

    public static List<ProcedureStep> onTrack(UUID trackId) {
        return list("trackId = ?1 order by takenAt, id", trackId);
    }

    public <T> T data(Class<T> type) {
        return TrackData.read(data, type);
    }
}
