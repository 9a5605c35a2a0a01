package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.proposal.domain.ApplicationWindow;
import jp.kyodo.proposal.domain.CriteriaWeights;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.events.ProposalEvents;

/** Publishing collaboration themes (協働テーマ) by a department's staff. */
@ApplicationScoped
public class ThemeService {

    /** What a department publishes. */
    public record NewTheme(UUID departmentId, String title, String localIssue, int fiscalYear, long budgetCeilingYen,
            Instant opensAt, Instant closesAt, String eligibilityNotes, FieldOfActivity field,
            Map<ScreeningCriterion, Integer> criteriaWeights) {
    }

    @Inject
    ProposalAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ProposalEvents events;

    @Transactional
    public Theme publish(NewTheme request) {
        access.requireDepartmentStaff(request.departmentId());
        if (!request.closesAt().isAfter(request.opensAt())) {
            throw ProblemException.invalidField("closesAt", "The window must close after it opens.",
                    "募集終了は募集開始より後にしてください。");
        }
        Theme theme = new Theme();
        theme.id = UUID.randomUUID();
        theme.departmentId = request.departmentId();
        theme.title = request.title();
        theme.localIssue = request.localIssue();
        theme.fiscalYear = FiscalYear.of(request.fiscalYear()).year();
        theme.budgetCeilingYen = request.budgetCeilingYen();
        theme.window = new ApplicationWindow(request.opensAt(), request.closesAt());
        theme.eligibilityNotes = request.eligibilityNotes();
        theme.field = request.field();
        theme.criteriaWeights = CriteriaWeights.of(request.criteriaWeights(), "criteriaWeights");
        theme.publishedBy = access.subject();
        theme.publishedAt = Instant.now();
        theme.persistAndFlush();
        audit.record(AuditRecord.of("Theme", theme.id, theme.version, "published").transition(null, "PUBLISHED")
                .actingFor(theme.departmentId));
        events.themePublished(theme);
        return theme;
    }
}
