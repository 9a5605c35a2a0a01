package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.CityShareCeiling;
import jp.kyodo.proposal.domain.ConsultationCase;
import jp.kyodo.proposal.domain.ContentDiff;
import jp.kyodo.proposal.domain.DraftSnapshot;
import jp.kyodo.proposal.domain.EligibilityPolicy;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalContent;
import jp.kyodo.proposal.domain.ProposalOrigin;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ProposalVersion;
import jp.kyodo.proposal.domain.ReferenceNumber;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.events.ProposalEvents;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Drafting, submitting, revising and closing proposals. */
@ApplicationScoped
public class ProposalService {

    /** Why drafting announces nothing: a draft is its proposers' own until they submit it (DOMAIN: drafts). */
    static final String PRIVATE_DRAFT = "a draft is seen by its proposers (and, once shared, the city's advisers) "
            + "alone until they submit it";

    @Inject
    ProposalAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    ReferenceNumberAllocator referenceNumbers;

    @Inject
    AuditTrail audit;

    @Inject
    ProposalEvents events;

    @Inject
    ProposalTaskFacts taskFacts;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Proposal createDraft(UUID actingFor, UUID themeId, ProposalContent requested) {
        access.requireActingFor(actingFor);
        ProposalContent content = withActingForAsProposer(actingFor, requested);
        Theme theme = themeId == null ? null : themeOf(themeId);
        if (theme != null && theme.window.hasClosedBy(Instant.now())) {
            throw ProblemException.invalidField("themeId", "The theme's application window has closed.",
                    "このテーマの募集期間は終了しています。");
        }
        content = forTheme(content, theme);
        checkContent(content, theme);

        Proposal proposal = new Proposal();
        proposal.id = UUID.randomUUID();
        proposal.status = ProposalStatus.DRAFT;
        proposal.origin = theme == null ? ProposalOrigin.CITIZEN_INITIATED : ProposalOrigin.CITY_INITIATED;
        proposal.themeId = themeId;
        proposal.content = content;
        proposal.revision = 0;
        proposal.createdBy = access.subject();
        proposal.createdAt = Instant.now();
        proposal.persistAndFlush();
        audit.record(AuditRecord.of("Proposal", proposal.id, proposal.version, "drafted")
                .transition(null, ProposalStatus.DRAFT).actingFor(actingFor).unannounced(PRIVATE_DRAFT));
        return proposal;
    }

    @Transactional
    public Proposal updateDraft(UUID id, IfMatch ifMatch, UUID actingFor, UUID themeId,
            ProposalContent requested) {
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (proposal.status != ProposalStatus.DRAFT) {
            throw ProblemException.conflict(
                    "Only a draft can be edited; during consultation publish a revised version instead.",
                    "編集できるのは作成中の提案だけです。協議中は改訂版を公開してください。");
        }
        if (themeId != null && !themeId.equals(proposal.themeId) || themeId == null && proposal.themeId != null) {
            throw ProblemException.invalidField("themeId", "The theme of a proposal cannot change.",
                    "提案のテーマは変更できません。");
        }
        ProposalContent content = withActingForAsProposer(actingFor, requested);
        Theme theme = proposal.themeId == null ? null : themeOf(proposal.themeId);
        content = forTheme(content, theme);
        checkContent(content, theme);
        proposal.content = content;
        proposal.flush();
        if (proposal.preSubmission != null) {
            DraftSnapshot.take(proposal, access.subject());
        }
        audit.record(AuditRecord.of("Proposal", proposal.id, proposal.version, "draft-edited").actingFor(actingFor)
                .unannounced(PRIVATE_DRAFT));
        return proposal;
    }

    @Transactional
    public Proposal submit(UUID id, IfMatch ifMatch, UUID actingFor, boolean consentToCaseArchive) {
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (!proposal.status.canMoveTo(ProposalStatus.SUBMITTED)) {
            proposal.moveTo(ProposalStatus.SUBMITTED);
        }
        Instant now = Instant.now();
        Theme theme = proposal.themeId == null ? null : themeOf(proposal.themeId);
        if (theme != null && !theme.acceptsProposalsAt(now)) {
            throw ProblemException.invalidField("themeId",
                    "The theme accepts proposals only from " + theme.window.opensAt + " until " + theme.window.closesAt
                            + ".",
                    "このテーマの募集期間（" + theme.window.opensOn() + "〜" + theme.window.closesOn() + "）外です。");
        }
        List<FieldError> missing = proposal.content.missingForSubmission();
        if (!missing.isEmpty()) {
            throw ProblemException.invalidFields(missing);
        }
        checkContent(proposal.content, theme);
        EligibilityPolicy.requireEligible(proposal.content.proposingOrganizationIds(), directory::organization);

        ProposalStatus from = proposal.moveTo(ProposalStatus.SUBMITTED);
        FiscalYear fiscalYear = theme != null ? theme.fiscal() : FiscalYear.containing(now);
        ReferenceNumber number = referenceNumbers.next(fiscalYear);
        proposal.fiscalYear = fiscalYear.year();
        proposal.referenceNumber = number.toString();
        proposal.consentToCaseArchive = consentToCaseArchive;
        proposal.submittedAt = now;
        proposal.revision = 1;
        // The reply's due date is part of the submitted version, so it is set before the version is flushed.
        taskFacts.submitted(proposal);
        proposal.flush();
        ProposalVersion.of(proposal, "submitted", access.subject(), now).persist();
        audit.record(AuditRecord.of("Proposal", proposal.id, proposal.version, "submitted")
                .transition(from, proposal.status)
                .actingFor(actingFor).details(java.util.Map.of("referenceNumber", proposal.referenceNumber,
                        "consentToCaseArchive", consentToCaseArchive)));
        events.submitted(proposal);
        return proposal;
    }

    /** The department takes the proposal into consultation (協議・ブラッシュアップ). */
    @Transactional
    public Proposal openConsultation(UUID id, IfMatch ifMatch, UUID actingFor) {
        Proposal proposal = Proposal.require(id);
        requireDepartmentOf(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        ProposalStatus from = proposal.moveTo(ProposalStatus.IN_CONSULTATION);
        taskFacts.consultationOpened(proposal);
        proposal.flush();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "consultation-opened")
                .transition(from, proposal.status).actingFor(actingFor));
        events.consultationOpened(proposal, Instant.now());
        return proposal;
    }

    /** Staff close a consultation that will not go to screening (相談終了), with the reason. */
    @Transactional
    public Proposal closeWithoutScreening(UUID id, IfMatch ifMatch, UUID actingFor, String reason) {
        Proposal proposal = Proposal.require(id);
        requireDepartmentOf(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        return end(proposal, ProposalStatus.NOT_PURSUED, "not-pursued", actingFor, reason);
    }

    /** The proposers withdraw before a decision (取下げ). */
    @Transactional
    public Proposal withdraw(UUID id, IfMatch ifMatch, UUID actingFor, String reason) {
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        return end(proposal, ProposalStatus.WITHDRAWN, "withdrawn", actingFor, reason);
    }

    /** Ends a proposal without collaboration: it stays as a consultation case with its reason. */
    public Proposal end(Proposal proposal, ProposalStatus target, String action, UUID actingFor, String reason) {
        ProposalStatus from = proposal.moveTo(target);
        Instant now = Instant.now();
        proposal.closingReason = reason;
        if (target == ProposalStatus.NOT_ADOPTED) {
            proposal.decidedAt = now;
            proposal.decisionRationale = reason;
        }
        taskFacts.ended(proposal, from, target.name());
        proposal.flush();
        ConsultationCase.of(proposal, reason, now).persist();
        audit.record(AuditRecord.of("Proposal", proposal.id, proposal.version, action).transition(from, target)
                .actingFor(actingFor).reason(reason));
        events.closed(proposal, from, now);
        return proposal;
    }

    /** Proposers publish a revised version during consultation; every version is kept. */
    @Transactional
    public ProposalVersion revise(UUID id, IfMatch ifMatch, UUID actingFor, ProposalContent requested,
            String note) {
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (proposal.status != ProposalStatus.IN_CONSULTATION) {
            throw ProblemException.conflict("Revised versions are published during consultation only.",
                    "改訂版は協議中にのみ公開できます。");
        }
        ProposalContent content = withActingForAsProposer(actingFor, requested);
        Theme theme = proposal.themeId == null ? null : themeOf(proposal.themeId);
        content = forTheme(content, theme);
        List<FieldError> missing = content.missingForSubmission();
        if (!missing.isEmpty()) {
            throw ProblemException.invalidFields(missing);
        }
        checkContent(content, theme);
        if (!content.proposingOrganizationIds().equals(proposal.content.proposingOrganizationIds())) {
            EligibilityPolicy.requireEligible(content.proposingOrganizationIds(), directory::organization);
        }
        ContentDiff diff = ContentDiff.between(proposal.revision, proposal.content, proposal.revision + 1, content,
                mapper);
        if (diff.changes().isEmpty()) {
            throw ProblemException.conflict("The revision changes nothing.", "改訂内容に変更がありません。");
        }
        Instant now = Instant.now();
        proposal.content = content;
        proposal.revision = proposal.revision + 1;
        proposal.flush();
        ProposalVersion version = ProposalVersion.of(proposal, note, access.subject(), now);
        version.persist();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "revised").actingFor(actingFor).reason(note)
                .details(java.util.Map.of("revision", proposal.revision, "changedFields", diff.changedFields())));
        events.revised(proposal, diff.changedFields(), now);
        return version;
    }

    public void requireDepartmentOf(Proposal proposal, UUID actingFor) {
        access.requireDepartmentStaff(actingFor);
        if (!actingFor.equals(proposal.departmentId())) {
            throw ProblemException.forbidden("The proposal is addressed to another department.",
                    "この提案は別の所管課宛てです。");
        }
    }

    private static Theme themeOf(UUID themeId) {
        Theme theme = Theme.findById(themeId);
        if (theme == null) {
            throw ProblemException.invalidField("themeId", "No such theme.", "協働テーマが見つかりません。");
        }
        return theme;
    }

    /** The organisation the caller acts for is always one of the proposers. */
    private static ProposalContent withActingForAsProposer(UUID actingFor, ProposalContent content) {
        if (content.proposingOrganizationIds().contains(actingFor)) {
            return content;
        }
        List<UUID> proposers = new ArrayList<>();
        proposers.add(actingFor);
        proposers.addAll(content.proposingOrganizationIds());
        return new ProposalContent(proposers, content.title(), content.localIssue(), content.goals(),
                content.approach(), content.collaborationForm(), content.activityArea(), content.field(),
                content.period(), content.beneficiaries(), content.budgetLines(), content.expectedEffects(),
                content.departmentId());
    }

    /** A theme response works with the theme's department. */
    private static ProposalContent forTheme(ProposalContent content, Theme theme) {
        if (theme == null || theme.departmentId.equals(content.departmentId())) {
            return content;
        }
        if (content.departmentId() != null) {
            throw ProblemException.invalidField("departmentId", "A theme response goes to the theme's department.",
                    "テーマへの提案の所管課はテーマの所管課です。");
        }
        return new ProposalContent(content.proposingOrganizationIds(), content.title(), content.localIssue(),
                content.goals(), content.approach(), content.collaborationForm(), content.activityArea(),
                content.field(), content.period(), content.beneficiaries(), content.budgetLines(),
                content.expectedEffects(), theme.departmentId);
    }

    private void checkContent(ProposalContent content, Theme theme) {
        List<FieldError> errors = new ArrayList<>(content.inconsistencies());
        List<UUID> proposers = content.proposingOrganizationIds();
        for (int i = 0; i < proposers.size(); i++) {
            KnownOrganization organization = directory.organization(proposers.get(i)).orElse(null);
            if (organization == null) {
                errors.add(FieldError.of("proposingOrganizationIds[" + i + "]", "Not an organisation of the directory.",
                        "団体名簿にない団体です。"));
            } else if (organization.type == ActorType.CITY_DEPARTMENT) {
                errors.add(FieldError.of("proposingOrganizationIds[" + i + "]",
                        "A city department does not propose to itself; it publishes a theme.",
                        "市の所管課は提案者になれません（テーマを公開してください）。"));
            }
        }
        if (content.departmentId() != null) {
            KnownOrganization department = directory.organization(content.departmentId()).orElse(null);
            if (department == null || department.type != ActorType.CITY_DEPARTMENT) {
                errors.add(FieldError.of("departmentId", "Not a city department of the directory.",
                        "団体名簿にある市の所管課ではありません。"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        CityShareCeiling.requireWithin(content, theme);
    }
}
