package jp.kyodo.agreement.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementTasks;
import jp.kyodo.agreement.domain.CostTotals;
import jp.kyodo.agreement.domain.MilestoneProgress;
import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.procedure.Procedures;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.kernel.OfficeCalendar;
import jp.kyodo.platform.tasks.OpenTask;
import jp.kyodo.platform.tasks.TaskPublisher;

/**
 * Publishes the agreement's task facts in the transaction of the change that opens or ends them: signatures asked for
 * when a version is frozen, done when a party signs, withdrawn when the version goes back to negotiation or the
 * agreement ends; milestones to reach once a version is in force. A version the city alone decides (補助, 後援) asks
 * nobody to sign it, so none of its signature tasks opens, completes or is withdrawn.
 */
@ApplicationScoped
public class AgreementTaskFacts {

    @Inject
    TaskPublisher tasks;

    @Inject
    DirectoryReadModel directory;

    @Inject
    Clock clock;

    @Inject
    Procedures procedures;

    /** How long the parties have to sign a frozen version (default 14 days; moved off days the office is closed). */
    @ConfigProperty(name = "kyodo.agreements.due.signatures", defaultValue = "P14D")
    Period signaturePeriod;

    public LocalDate signaturesDueOn() {
        return OfficeCalendar.dueOn(LocalDate.now(clock.withZone(FiscalYear.CITY_ZONE)), signaturePeriod);
    }

    public void signaturesRequested(Agreement agreement, AgreementContent content, int documentVersion) {
        if (!signedByParties(content)) {
            LocalDate today = LocalDate.now(clock.withZone(FiscalYear.CITY_ZONE));
            AgreementTasks.decision(agreement, content, documentVersion, procedures.of(content.form()).decisionDue(today))
                    .ifPresent(tasks::opened);
            return;
        }
        List<OpenTask> open = AgreementTasks.signatures(agreement, content, documentVersion, agreement.signaturesDueOn,
                CostTotals.of(content).cityShareYen(), directory::organization);
        open.forEach(tasks::opened);
    }

    public void signed(UUID agreementId, int documentVersion, AgreementContent content, UUID partyId) {
        if (!signedByParties(content)) {
            decided(agreementId, documentVersion, content); // the city's decision, recorded as its signature
            return;
        }
        tasks.completed(AgreementTasks.signature(agreementId, documentVersion, partyId));
    }

    /** The city decided on a version it alone decides (granted, approved or refused). */
    public void decided(UUID agreementId, int documentVersion, AgreementContent content) {
        departments(content).forEach(d -> tasks.completed(AgreementTasks.decision(agreementId, documentVersion, d)));
    }

    /** The version awaiting signatures went back to negotiation, or the agreement ended: unsigned parties are free. */
    public void signaturesWithdrawn(UUID agreementId, Integer documentVersion, AgreementContent content, String reason) {
        if (documentVersion == null) {
            return;
        }
        if (!signedByParties(content)) {
            departments(content).forEach(d -> tasks.cancelled(AgreementTasks.decision(agreementId, documentVersion, d),
                    reason));
            return;
        }
        Set<UUID> signed = Signature.on(agreementId, documentVersion).stream().map(s -> s.organizationId)
                .collect(Collectors.toSet());
        content.partyIds().stream().filter(p -> !signed.contains(p))
                .forEach(p -> tasks.cancelled(AgreementTasks.signature(agreementId, documentVersion, p), reason));
    }

    /** A version came into force: its milestones not yet reached wait for the department. */
    public void milestonesInForce(Agreement agreement, AgreementContent content) {
        AgreementTasks.milestones(agreement, content, reached(agreement.id)).forEach(tasks::opened);
    }

    public void milestoneReached(AgreementContent content, UUID milestoneId) {
        content.departments().stream().findFirst()
                .ifPresent(d -> tasks.completed(AgreementTasks.milestone(d.organizationId(), milestoneId)));
    }

    /** The agreement ended: milestones not reached no longer wait. */
    public void milestonesEnded(Agreement agreement, AgreementContent content, String reason) {
        AgreementTasks.milestones(agreement, content, reached(agreement.id))
                .forEach(task -> tasks.cancelled(task.ref(), reason));
    }

    private static List<UUID> departments(AgreementContent content) {
        UUID department = AgreementTasks.departmentOf(content);
        return department == null ? List.of() : List.of(department);
    }

    private boolean signedByParties(AgreementContent content) {
        return !procedures.of(content.form()).decidedByCity();
    }

    private static List<UUID> reached(UUID agreementId) {
        return MilestoneProgress.<MilestoneProgress>list("agreementId", agreementId).stream().map(p -> p.milestoneId)
                .toList();
    }
}
