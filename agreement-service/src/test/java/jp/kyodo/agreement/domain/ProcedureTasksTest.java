package jp.kyodo.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.domain.content.Term;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.TrackKind;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskAddressee;

class ProcedureTasksTest {

    private static final UUID DEPARTMENT = UUID.randomUUID();
    private static final UUID NPO = UUID.randomUUID();
    private static final AgreementContent CONTENT = new AgreementContent("花いっぱい事業", CollaborationForm.SUBSIDY,
            ActivityArea.B, FieldOfActivity.WELFARE, null, null, null, null, null,
            new Term(LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31)),
            List.of(new Party(DEPARTMENT, "市民協働課", ActorType.CITY_DEPARTMENT, null, null),
                    new Party(NPO, "NPO法人 みどりの会", ActorType.CIVIC_GROUP, null, null)),
            null, null, null, null, null, null, null, null, null);

    @Test
    void theStepATrackExpectsIsATaskOfWhoeverTakesItByItsDueDate() {
        ProcedureTrack year = track(TrackKind.GRANT_YEAR, "2026", "RESULTS_REPORT", ProcedureTrack.Actor.PARTNER);
        List<OpenTask> open = ProcedureTasks.open(year, CONTENT, null, 1);

        assertThat(open).singleElement().satisfies(task -> {
            assertThat(task.ref().addressee()).isEqualTo(TaskAddressee.organization(NPO));
            assertThat(task.ref().fiscalYear()).isEqualTo(2026);
            assertThat(task.dueOn()).isEqualTo(year.dueOn);
            assertThat(task.departmentId()).as("escalated to the department").isEqualTo(DEPARTMENT);
            assertThat(task.titleJa()).isEqualTo("「花いっぱい事業」の2026年度の実績報告");
            assertThat(task.link()).isEqualTo("/api/agreements/" + year.agreementId + "/procedure");
        });
    }

    @Test
    void theSameStepExpectedAgainIsAnotherTask() {
        ProcedureTrack year = track(TrackKind.COMMISSION_YEAR, "2026", "COMPLETION_REPORT",
                ProcedureTrack.Actor.PARTNER);
        TaskAddressee npo = TaskAddressee.organization(NPO);

        assertThat(ProcedureTasks.expected(year, "COMPLETION_REPORT", npo, 0).taskId())
                .isEqualTo(ProcedureTasks.expected(year, "COMPLETION_REPORT", npo, 0).taskId())
                .isNotEqualTo(ProcedureTasks.expected(year, "COMPLETION_REPORT", npo, 2).taskId());
    }

    @Test
    void theInspectorInspectsOnceAppointedAndTheDepartmentIsAskedUntilThen() {
        assertThat(ProcedureTasks.addressees(TrackKind.COMMISSION_YEAR, "INSPECTION", ProcedureTrack.Actor.INSPECTOR, CONTENT, "signer1"))
                .containsExactly(TaskAddressee.person("signer1", DEPARTMENT));
        assertThat(ProcedureTasks.addressees(TrackKind.COMMISSION_YEAR, "INSPECTION", ProcedureTrack.Actor.INSPECTOR, CONTENT, null))
                .containsExactly(TaskAddressee.organization(DEPARTMENT));
        assertThat(ProcedureTasks.addressees(TrackKind.GRANT_YEAR, "PAYMENT", ProcedureTrack.Actor.CITY, CONTENT, null))
                .containsExactly(TaskAddressee.organization(DEPARTMENT));
    }

    @Test
    void aTrackThatExpectsNothingAsksNobody() {
        ProcedureTrack done = track(TrackKind.GRANT_YEAR, "2026", null, null);
        assertThat(ProcedureTasks.open(done, CONTENT, null, 5)).isEmpty();
    }

    @Test
    void aStepIsNamedByItsTrack() {
        ProcedureTrack supplies = track(TrackKind.SUPPLY_REQUEST, UUID.randomUUID().toString(), "APPROVAL",
                ProcedureTrack.Actor.CITY);
        ProcedureTrack hosted = track(TrackKind.HOSTED_EVENT, UUID.randomUUID().toString(), "EVENT_REPORT",
                ProcedureTrack.Actor.PARTNER);
        assertThat(ProcedureTasks.open(supplies, CONTENT, null, 1).get(0).titleJa()).endsWith("物品支給の決定");
        assertThat(ProcedureTasks.open(hosted, CONTENT, null, 1).get(0).titleJa()).endsWith("事業報告");
    }

    @Test
    void theCitysDecisionOnAnEndorsementIsTheApplicationsOwnTask() {
        ProcedureTrack endorsement = track(TrackKind.ENDORSED_EVENT, "event", "APPROVAL", ProcedureTrack.Actor.CITY);
        assertThat(ProcedureTasks.open(endorsement, CONTENT, null, 1)).isEmpty();
    }

    private static ProcedureTrack track(TrackKind kind, String key, String step, ProcedureTrack.Actor actor) {
        ProcedureTrack track = ProcedureTrack.open(UUID.randomUUID(), kind, key, State.ANY, null);
        track.nextStep = step;
        track.nextActor = actor == null ? null : actor.name();
        track.dueOn = step == null ? null : LocalDate.of(2027, 4, 30);
        return track;
    }

    private enum State {
        ANY
    }
}
