package jp.kyodo.proposal.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.kyodo.kernel.ActivityArea;
import jp.kyodo.kernel.CollaborationForm;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.events.DomainEvent;
import jp.kyodo.platform.events.EventTypes;
import jp.kyodo.platform.outbox.Outbox;
import jp.kyodo.proposal.domain.BudgetLine;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.ConsultationComment;
import jp.kyodo.proposal.domain.Period;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.Screening;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.domain.Theme;

/**
 * The events of {@code kyodo.proposals.v1}. Each is written to the outbox in the transaction of its change, after
 * the aggregate was flushed so that the payload and the envelope carry the version after the change. Payloads name
 * organisations, never people.
 */
@ApplicationScoped
public class ProposalEvents {

    public static final String TOPIC = "kyodo.proposals.v1";
    public static final String THEME_PUBLISHED = EventTypes.of("theme.published");
    public static final String SUBMITTED = EventTypes.of("proposal.submitted");
    public static final String CONSULTATION_OPENED = EventTypes.of("proposal.consultation-opened");
    public static final String COMMENT_POSTED = EventTypes.of("proposal.comment-posted");
    public static final String REVISED = EventTypes.of("proposal.revised");
    public static final String SCREENING_OPENED = EventTypes.of("proposal.screening-opened");
    public static final String SCORES_SUBMITTED = EventTypes.of("proposal.scores-submitted");
    public static final String ADOPTED = EventTypes.of("proposal.adopted");
    public static final String NOT_ADOPTED = EventTypes.of("proposal.not-adopted");
    public static final String WITHDRAWN = EventTypes.of("proposal.withdrawn");
    public static final String NOT_PURSUED = EventTypes.of("proposal.not-pursued");
    public static final String ATTACHMENT_ADDED = EventTypes.of("proposal.attachment-added");
    public static final String ATTACHMENT_REMOVED = EventTypes.of("proposal.attachment-removed");
    public static final String DRAFT_SHARED = EventTypes.of("proposal.draft-shared");

    /** A draft shared before submission (事前相談): with whom, never its content. */
    public record DraftShared(UUID proposalId, long version, UUID departmentId, UUID coordinatorOrganizationId,
            boolean coordinatorAssignedByDesk, UUID intakeId, List<UUID> proposingOrganizationIds, Instant sharedAt) {
    }

    public record ThemePublished(UUID themeId, long version, UUID departmentId, String title, String localIssue,
            int fiscalYear, long budgetCeilingYen, Instant opensAt, Instant closesAt, LocalDate opensOn,
            LocalDate closesOn, FieldOfActivity field, Map<ScreeningCriterion, Integer> criteriaWeights,
            Instant publishedAt) {
    }

    public record ProposalSubmitted(UUID proposalId, long version, String referenceNumber, int fiscalYear,
            ProposalOrigin origin, UUID themeId, String title, FieldOfActivity field,
            CollaborationForm collaborationForm, ActivityArea activityArea, List<UUID> proposingOrganizationIds,
            UUID departmentId, Instant submittedAt) {
    }

    public record ConsultationOpened(UUID proposalId, long version, String referenceNumber, UUID departmentId,
            List<UUID> proposingOrganizationIds, Instant openedAt) {
    }

    /** Who spoke, as an organisation and a side; the text stays in the thread, the author in the audit trail. */
    public record CommentPosted(UUID proposalId, long version, String referenceNumber, UUID commentId, CommentSide side,
            UUID organizationId, Instant postedAt) {
    }

    public record ProposalRevised(UUID proposalId, long version, String referenceNumber, int revision,
            List<String> changedFields, Instant revisedAt) {
    }

    public record ScreeningOpened(UUID proposalId, long version, String referenceNumber, UUID themeId, int round,
            int committeeSize, Map<ScreeningCriterion, Integer> criteriaWeights, Instant openedAt) {
    }

    /** How far the committee is; which reviewer scored, and how, stays sealed. */
    public record ScoresSubmitted(UUID proposalId, long version, String referenceNumber, int round, int submittedCount,
            int committeeSize, Instant submittedAt) {
    }

    /** Contract 2: everything agreement-service needs to draft the agreement. */
    public record ProposalAdopted(UUID proposalId, long version, String referenceNumber, int fiscalYear,
            ProposalOrigin origin, UUID themeId, String title, String localIssue, List<String> goals, String approach,
            CollaborationForm collaborationForm, ActivityArea activityArea, FieldOfActivity field, Period period,
            String beneficiaries, String expectedEffects, List<UUID> proposingOrganizationIds, UUID departmentId,
            List<BudgetLine> budgetLines, String decisionRationale, Instant decidedAt) {
    }

    /** The end of a proposal that did not lead to collaboration; reasons stay with the proposers and staff. */
    public record ProposalClosed(UUID proposalId, long version, String referenceNumber, int fiscalYear,
            UUID themeId, FieldOfActivity field, ProposalStatus previousStatus, Instant closedAt) {
    }

    @Inject
    Outbox outbox;

    public void themePublished(Theme theme) {
        publish(THEME_PUBLISHED, theme.id, theme.version, new ThemePublished(theme.id, theme.version,
                theme.departmentId, theme.title, theme.localIssue, theme.fiscalYear, theme.budgetCeilingYen,
                theme.window.opensAt, theme.window.closesAt, theme.window.opensOn(), theme.window.closesOn(),
                theme.field, theme.criteriaWeights, theme.publishedAt));
    }

    public void submitted(Proposal p) {
        ProposalContent c = p.content;
        publish(SUBMITTED, p.id, p.version, new ProposalSubmitted(p.id, p.version, p.referenceNumber, p.fiscalYear,
                p.origin, p.themeId, c.title(), c.field(), c.collaborationForm(), c.activityArea(),
                c.proposingOrganizationIds(), c.departmentId(), p.submittedAt));
    }

    public void consultationOpened(Proposal p, Instant openedAt) {
        publish(CONSULTATION_OPENED, p.id, p.version, new ConsultationOpened(p.id, p.version, p.referenceNumber,
                p.departmentId(), p.content.proposingOrganizationIds(), openedAt));
    }

    public void commentPosted(Proposal p, ConsultationComment comment) {
        publish(COMMENT_POSTED, p.id, p.version, new CommentPosted(p.id, p.version, p.referenceNumber, comment.id,
                comment.side, comment.actingFor, comment.postedAt));
    }

    public void revised(Proposal p, List<String> changedFields, Instant revisedAt) {
        publish(REVISED, p.id, p.version, new ProposalRevised(p.id, p.version, p.referenceNumber, p.revision,
                changedFields, revisedAt));
    }

    public void screeningOpened(Proposal p, Screening screening) {
        publish(SCREENING_OPENED, p.id, p.version, new ScreeningOpened(p.id, p.version, p.referenceNumber, p.themeId,
                screening.round, screening.reviewers.size(), screening.criteriaWeights, screening.openedAt));
    }

    public void scoresSubmitted(Proposal p, Screening screening, int submittedCount, Instant submittedAt) {
        publish(SCORES_SUBMITTED, p.id, p.version, new ScoresSubmitted(p.id, p.version, p.referenceNumber,
                screening.round, submittedCount, screening.reviewers.size(), submittedAt));
    }

    public void adopted(Proposal p) {
        ProposalContent c = p.content;
        publish(ADOPTED, p.id, p.version, new ProposalAdopted(p.id, p.version, p.referenceNumber, p.fiscalYear,
                p.origin, p.themeId, c.title(), c.localIssue(), c.goals(), c.approach(), c.collaborationForm(),
                c.activityArea(), c.field(), c.period(), c.beneficiaries(), c.expectedEffects(),
                c.proposingOrganizationIds(), c.departmentId(), c.budgetLines(), p.decisionRationale, p.decidedAt));
    }

    /** proposal.not-adopted, proposal.withdrawn or proposal.not-pursued, by the state the proposal ended in. */
    public void closed(Proposal p, ProposalStatus previous, Instant closedAt) {
        String type = switch (p.status) {
            case NOT_ADOPTED -> NOT_ADOPTED;
            case WITHDRAWN -> WITHDRAWN;
            case NOT_PURSUED -> NOT_PURSUED;
            default -> throw new IllegalStateException("not an end without collaboration: " + p.status);
        };
        publish(type, p.id, p.version, new ProposalClosed(p.id, p.version, p.referenceNumber, p.fiscalYear,
                p.themeId, p.content.field(), previous, closedAt));
    }

    public void attachmentAdded(AttachmentEvent payload) {
        publish(ATTACHMENT_ADDED, payload.aggregateId(), payload.version(), payload);
    }

    public void attachmentRemoved(AttachmentEvent payload) {
        publish(ATTACHMENT_REMOVED, payload.aggregateId(), payload.version(), payload);
    }

    public void draftShared(Proposal p) {
        var shared = p.preSubmission;
        publish(DRAFT_SHARED, p.id, p.version, new DraftShared(p.id, p.version, shared.departmentId(),
                shared.coordinatorOrganizationId(), shared.coordinatorSubject() != null, shared.intakeId(),
                p.content.proposingOrganizationIds(), shared.sharedAt()));
    }

    private void publish(String type, UUID aggregateId, long version, Object payload) {
        outbox.publish(new DomainEvent(TOPIC, type, aggregateId, version, payload));
    }
}
