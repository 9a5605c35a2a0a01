package jp.kyodo.agreement.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.MilestoneProgress;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.agreement.domain.content.Milestone;
import jp.kyodo.agreement.events.AgreementEvents;
import jp.kyodo.agreement.events.AgreementMilestoneReached;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;

/** Milestones and reflection points of agreements in force: recording them reached, listing those overdue. */
@ApplicationScoped
public class MilestoneTracking {

    /** A milestone of an active agreement whose due date passed without being reached. */
    @Schema(name = "OverdueMilestone", description = "A milestone or reflection point past its due date and not reached (遅延している工程)")
    public record Overdue(@Schema(description = "The agreement") UUID agreementId,
            @Schema(description = "Title of the agreement (事業名)") String title,
            @Schema(description = "The milestone") UUID milestoneId,
            @Schema(description = "Its name") String name,
            @Schema(description = "MILESTONE (工程) or REFLECTION (振り返り)") String kind,
            @Schema(description = "When it was due") LocalDate dueDate,
            @Schema(description = "Days since it was due") long daysOverdue) {
    }

    @Inject
    AgreementAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementEvents events;

    @Inject
    AgreementTaskFacts taskFacts;

    @Transactional
    public MilestoneProgress reached(UUID id, UUID milestoneId, UUID actingFor, LocalDate reachedOn, String note) {
        Agreement agreement = Agreements.lock(id);
        access.requirePartyMember(agreement, actingFor);
        if (agreement.state != AgreementState.ACTIVE) {
            throw ProblemException.invalidTransition(agreement.stateLabel(), "MILESTONE_REACHED", List.of());
        }
        AgreementContent content = Agreements.inForce(agreement);
        access.requirePartyMember(content, actingFor);
        Milestone milestone = content.milestones().stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No such milestone in the version in force.",
                        "効力のある版にこの工程はありません。"));
        if (MilestoneProgress.count("agreementId = ?1 and milestoneId = ?2", id, milestoneId) > 0) {
            throw ProblemException.conflict("This milestone was already recorded as reached.", "この工程は達成済みとして記録されています。");
        }
        MilestoneProgress progress = new MilestoneProgress();
        progress.id = UUID.randomUUID();
        progress.agreementId = id;
        progress.milestoneId = milestoneId;
        progress.reachedOn = reachedOn;
        progress.note = note;
        progress.recordedBy = access.subject();
        progress.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        progress.persist();
        agreement.progressRecorded();
        agreement.flush();
        audit.record(AuditRecord.of("Agreement", id, agreement.version, "milestone-reached").actingFor(actingFor)
                .reason(milestone.name()));
        events.milestoneReached(new AgreementMilestoneReached(id, agreement.version, milestoneId, milestone.kind(),
                milestone.dueDate(), reachedOn, actingFor, progress.recordedAt.toInstant()));
        taskFacts.milestoneReached(content, milestoneId);
        return progress;
    }

    /** Overdue milestones of every active agreement as of the given day, oldest due date first. */
    public List<Overdue> overdue(LocalDate asOf) {
        List<Overdue> overdue = new ArrayList<>();
        List<Agreement> active = Agreement.list("state", AgreementState.ACTIVE);
        for (Agreement agreement : active) {
            Set<UUID> reached = MilestoneProgress.<MilestoneProgress>list("agreementId", agreement.id).stream()
                    .map(p -> p.milestoneId).collect(Collectors.toSet());
            AgreementContent content = Agreements.inForce(agreement);
            for (Milestone m : content.milestones()) {
                if (m.dueDate().isBefore(asOf) && !reached.contains(m.milestoneId())) {
                    overdue.add(new Overdue(agreement.id, content.title(), m.milestoneId(), m.name(), m.kind().name(),
                            m.dueDate(), ChronoUnit.DAYS.between(m.dueDate(), asOf)));
                }
            }
        }
        overdue.sort(Comparator.comparing(Overdue::dueDate).thenComparing(o -> o.agreementId().toString())
                .thenComparing(o -> o.milestoneId().toString()));
        return overdue;
    }
}
