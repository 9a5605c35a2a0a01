package jp.kyodo.proposal.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.kernel.AttachmentKind;
import jp.kyodo.platform.attachments.Attachment;
import jp.kyodo.platform.attachments.AttachmentEvent;
import jp.kyodo.platform.attachments.AttachmentTarget;
import jp.kyodo.platform.attachments.Attachments;
import jp.kyodo.platform.attachments.IncomingFile;
import jp.kyodo.platform.attachments.UploadForm;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.events.ProposalEvents;

/**
 * The documents a proposal comes with (事業計画書・収支予算書・団体概要書). The proposers attach them while the proposal is
 * a draft, submitted or in consultation (revised papers during the brush-up); once submitted, a file is part of the
 * record and stays. Whoever may read the proposal reads its files.
 */
@ApplicationScoped
public class ProposalAttachments {

    public static final String AGGREGATE = "Proposal";
    static final Set<AttachmentKind> KINDS = Set.of(AttachmentKind.BUSINESS_PLAN, AttachmentKind.BUDGET_SHEET,
            AttachmentKind.ORGANIZATION_PROFILE, AttachmentKind.OTHER);
    static final Set<ProposalStatus> OPEN_FOR_FILES = EnumSet.of(ProposalStatus.DRAFT, ProposalStatus.SUBMITTED,
            ProposalStatus.IN_CONSULTATION);

    @Inject
    ProposalAccess access;

    @Inject
    ScreeningService screenings;

    @Inject
    Attachments attachments;

    @Inject
    ProposalEvents events;

    @Inject
    AuditTrail audit;

    public static AttachmentTarget of(UUID proposalId) {
        return AttachmentTarget.whole(AGGREGATE, proposalId);
    }

    @Transactional
    public Attachment attach(UUID id, UploadForm form) {
        IncomingFile file = attachments.check(form);
        AttachmentKind kind = form.kindAmong(AttachmentKind.class, KINDS);
        boolean isPublic = form.publicUnless(kind.personalData());
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, form.requireActingFor());
        if (!OPEN_FOR_FILES.contains(proposal.status)) {
            throw ProblemException.invalidTransition(proposal.status.name(), "ATTACHMENT_ADDED", List.of());
        }
        Attachment a = attachments.store(of(id), kind.name(), file, isPublic, access.subject(), form.actingFor);
        proposal.countChange();
        AuditRecord added = AuditRecord.of(AGGREGATE, id, proposal.version, "attachment-added").actingFor(form.actingFor)
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind, "sha256", a.sha256));
        if (proposal.status == ProposalStatus.DRAFT) {
            audit.record(added.unannounced(ProposalService.PRIVATE_DRAFT));
        } else {
            audit.record(added);
            events.attachmentAdded(AttachmentEvent.of(a, proposal.version));
        }
        return a;
    }

    public List<Attachment> list(UUID id) {
        Proposal proposal = Proposal.require(id);
        access.requireRead(proposal, screenings.isCommitteeReviewer(proposal));
        return attachments.list(of(id));
    }

    public Attachment readable(UUID id, UUID attachmentId) {
        Proposal proposal = Proposal.require(id);
        access.requireRead(proposal, screenings.isCommitteeReviewer(proposal));
        return attachments.find(id, attachmentId);
    }

    /** A proposer removes a file while the proposal is a draft; a submitted proposal's files stay (409). */
    @Transactional
    public void remove(UUID id, UUID attachmentId, UUID actingFor) {
        Proposal proposal = Proposal.require(id);
        if (actingFor == null) {
            throw ProblemException.invalidField("actingFor", "Name the organisation you act for.",
                    "代理する団体を指定してください。");
        }
        access.requireProposer(proposal, actingFor);
        Attachment a = attachments.find(id, attachmentId);
        if (proposal.status != ProposalStatus.DRAFT) {
            throw new ProblemException(Attachments.ATTACHMENT_FROZEN, LocalizedText.of(
                    "The proposal was submitted with this file; it stays with the record.",
                    "提出済みの提案の添付書類は削除できません。"));
        }
        attachments.remove(a);
        proposal.countChange();
        // Only a draft loses files, and a draft announces nothing.
        audit.record(AuditRecord.of(AGGREGATE, id, proposal.version, "attachment-removed").actingFor(actingFor)
                .details(Map.of("attachmentId", a.id.toString(), "kind", a.kind))
                .unannounced(ProposalService.PRIVATE_DRAFT));
    }
}
