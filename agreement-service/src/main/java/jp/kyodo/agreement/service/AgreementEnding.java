package jp.kyodo.agreement.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Party;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementInForce;
import jp.kyodo.agreement.events.AgreementTerminated;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;

/** Completion (完了) by the department, and termination (解除・中止) by the department or a partner's representative. */
@ApplicationScoped
public class AgreementEnding {

    @Inject
    AgreementAccess access;

    @Inject
    AgreementEvents events;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementTaskFacts taskFacts;

    @Inject
    ProcedureTaskFacts procedureTaskFacts;

    @Inject
    Procedures procedures;

    @Transactional
    public Agreement complete(UUID id, IfMatch ifMatch, UUID actingFor, String reason) {
        Agreement agreement = Agreements.find(id);
        AgreementContent content = agreement.versionInForce == null ? Agreements.workingCopy(agreement)
                : Agreements.inForce(agreement);
        access.requireDepartmentStaff(content, actingFor);
        ifMatch.requireCurrent(agreement.version);
        if (agreement.state == AgreementState.ACTIVE) {
            procedures.of(content.form()).completionBlocker(ProcedureTrack.allOf(id)).ifPresent(why -> {
                throw new ProblemException(ProcedureProblems.PROCEDURE_OPEN, why);
            });
        }
        return completeNow(agreement, content, actingFor, reason);
    }

    /** Completes the agreement (its procedure allowing) and announces it. */
    Agreement completeNow(Agreement agreement, AgreementContent content, UUID actingFor, String reason) {
        String before = agreement.stateLabel();
        endTasks(agreement, content, "AGREEMENT_COMPLETED");
        agreement.complete(reason);
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", agreement.id, agreement.version, "completed").transition(before, agreement.state)
                .actingFor(actingFor).reason(reason));
        events.completed(AgreementInForce.of(agreement, content, agreement.versionInForce,
                procedures.of(content.form()).evaluated(), List.of()).completedAt(agreement.endedAt.toInstant()));
        return agreement;
    }

    @Transactional
    public Agreement terminate(UUID id, IfMatch ifMatch, UUID actingFor, String reason) {
        Agreement agreement = Agreements.find(id);
        AgreementContent content = agreement.versionInForce == null ? Agreements.workingCopy(agreement)
                : Agreements.inForce(agreement);
        Party party = access.requirePartyMember(content, actingFor);
        if (!party.isCityDepartment() && !access.represents(party)) {
            throw ProblemException.forbidden("Only a department's staff or a partner's representative can terminate.",
                    "協定の解除は所管課の職員または当事者団体の代表者のみが行えます。");
        }
        ifMatch.requireCurrent(agreement.version);
        String before = agreement.stateLabel();
        endTasks(agreement, content, "AGREEMENT_TERMINATED");
        agreement.terminate(reason);
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "terminated")
                .transition(before, agreement.state)
                .actingFor(actingFor).reason(reason));
        events.terminated(new AgreementTerminated(id, agreement.version, agreement.proposalId, before,
                agreement.versionInForce, reason, agreement.endedAt.toInstant()));
        return agreement;
    }

    /** Before the state changes: the version awaiting signatures and the milestones in force no longer wait. */
    private void endTasks(Agreement agreement, AgreementContent inForce, String reason) {
        if (agreement.pendingVersion != null) {
            taskFacts.signaturesWithdrawn(agreement.id, agreement.pendingVersion,
                    jp.kyodo.agreement.domain.CanonicalJson.read(Agreements.version(agreement.id, agreement.pendingVersion).content), reason);
        }
        if (agreement.versionInForce != null) {
            taskFacts.milestonesEnded(agreement, inForce, reason);
            procedureTaskFacts.ended(agreement, inForce, reason);
        }
    }
}
