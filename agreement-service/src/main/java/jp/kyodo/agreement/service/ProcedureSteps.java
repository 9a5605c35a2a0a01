package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.ProcedureStepTaken;
import jp.kyodo.agreement.procedure.ProcedureStep;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackData;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.agreement.procedure.TrackOpening;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/**
 * The last part of every procedure step, the same for all forms: the step is recorded as it was taken, the track
 * gets its new state and figures, the agreement's version moves on (its ETag, and the version in the event), the
 * audit trail and the outbox get their entries — all in the caller's transaction.
 */
@ApplicationScoped
public class ProcedureSteps {

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementAccess access;

    @Inject
    ProcedureTaskFacts taskFacts;

    /** Where a step is taken: the agreement, the content in force and the track. */
    public record Located(Agreement agreement, AgreementContent content, ProcedureTrack track) {
    }

    /**
     * The first part of every step: the agreement found, the caller authorised ({@code authorise}, on the content as it
     * stands), If-Match checked, then the form and the track — so that a stranger learns nothing of either.
     */
    public Located locate(UUID id, IfMatch ifMatch, CollaborationForm form, TrackKind kind, String key,
            Consumer<AgreementContent> authorise) {
        // Locked: a step moves the agreement's version, so of two steps sent with one ETag the second sees the move.
        Agreement agreement = Agreements.lock(id);
        authorise.accept(Agreements.current(agreement));
        ifMatch.requireCurrent(agreement.version);
        AgreementContent content = Agreements.inForce(agreement);
        ProcedureProblems.requireForm(content, form);
        return new Located(agreement, content, track(agreement, kind, key));
    }

    /** The track, or 404 naming what is missing. */
    public ProcedureTrack track(Agreement agreement, TrackKind kind, String key) {
        return ProcedureTrack.of(agreement.id, kind, key).orElseThrow(() -> ProblemException.notFound(
                "This collaboration has no " + kind + " " + key + ".", "この協働に該当する手続（" + kind + " " + key + "）はありません。"));
    }

    /** Opens the tracks not open yet; returns those opened. */
    public List<ProcedureTrack> open(Agreement agreement, AgreementContent content, List<TrackOpening> openings) {
        List<ProcedureTrack> opened = openings.stream()
                .filter(o -> ProcedureTrack.of(agreement.id, o.kind(), o.key()).isEmpty()).map(o -> {
                    ProcedureTrack track = ProcedureTrack.open(agreement.id, o.kind(), o.key(), o.state(), o.data());
                    track.expect(o.nextStep(), o.actor(), o.dueOn());
                    track.persist();
                    return track;
                }).toList();
        taskFacts.opened(content, opened);
        return opened;
    }

    /**
     * Takes a step: the caller has authorised it, checked If-Match, asked the machine and set the track's new
     * state, figures ({@code data}) and expectations; this records and announces it as {@code eventName}.
     */
    public ProcedureTrack record(Agreement agreement, AgreementContent content, ProcedureTrack track, Enum<?> step,
            String fromState, Object entered, UUID actingFor, String eventName) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        track.updatedAt = now;
        if (!track.isPersistent()) {
            track.persist();
        }
        ProcedureStep taken = new ProcedureStep();
        taken.id = UUID.randomUUID();
        taken.agreementId = agreement.id;
        taken.trackId = track.id;
        taken.step = step.name();
        taken.fromState = fromState;
        taken.toState = track.state;
        taken.data = TrackData.write(entered == null ? Map.of() : entered);
        taken.actingFor = actingFor;
        taken.actor = access.subject();
        taken.takenAt = now;
        taken.persist();
        agreement.updatedAt = now;
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, eventName).transition(fromState, track.state)
                .actingFor(actingFor).details(Map.of("track", track.kind.name(), "key", track.trackKey)));
        events.stepTaken(eventName, snapshot(agreement, content, track, step.name(), fromState, actingFor, now,
                TrackData.read(taken.data, Object.class)));
        taskFacts.stepTaken(content, track, step.name());
        return track;
    }

    /** The event payload of a track as it now stands. */
    private static ProcedureStepTaken snapshot(Agreement agreement, AgreementContent content, ProcedureTrack track,
            String step, String fromState, UUID actingFor, OffsetDateTime at, Object entered) {
        return new ProcedureStepTaken(agreement.id, agreement.version, content.form(), track.kind, track.trackKey, step,
                fromState, track.state, actingFor, at.toInstant(), ProcedureStepTaken.Expected.of(track), entered,
                TrackData.read(track.data, Object.class));
    }

    /** What was entered with a step, as name-value pairs; absent values left out. */
    public static Map<String, Object> entered(Object... namesAndValues) {
        Map<String, Object> entered = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                entered.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return entered;
    }

    /** Today in the city (dates of steps are the city's dates). */
    public static LocalDate today() {
        return LocalDate.now(FiscalYear.CITY_ZONE);
    }
}
