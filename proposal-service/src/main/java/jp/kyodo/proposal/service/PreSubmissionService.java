package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.DraftComment;
import jp.kyodo.proposal.domain.DraftSnapshot;
import jp.kyodo.proposal.domain.PreSubmission;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.intake.Intake;
import jp.kyodo.proposal.events.ProposalEvents;

/**
 * Pre-submission consultation (事前相談): the proposers share their draft with the department it is addressed to and
 * a coordinator, who comment on it before it is submitted. The thread stays with the drafts it discussed; notes the
 * city side marks as its own are never shown to the proposers.
 */
@ApplicationScoped
public class PreSubmissionService {

    @Inject
    ProposalAccess access;

    @Inject
    DirectoryReadModel directory;

    @Inject
    AuditTrail audit;

    @Inject
    ProposalEvents events;

    @Transactional
    public Proposal share(UUID id, IfMatch ifMatch, UUID actingFor, UUID coordinatorOrganizationId, UUID intakeId) {
        Proposal proposal = Proposal.require(id);
        access.requireProposer(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (proposal.status != ProposalStatus.DRAFT) {
            throw ProblemException.conflict("Only a draft is shared before submission.",
                    "事前相談で共有できるのは作成中の提案だけです。");
        }
        if (proposal.departmentId() == null) {
            throw ProblemException.invalidField("departmentId", "Name the department the draft is addressed to first.",
                    "先に提案先の所管課を記入してください。");
        }
        if (coordinatorOrganizationId != null) {
            KnownOrganization centre = directory.organization(coordinatorOrganizationId).orElse(null);
            if (centre == null || centre.type != ActorType.INTERMEDIARY) {
                throw ProblemException.invalidField("coordinatorOrganizationId",
                        "Not a support centre (中間支援組織) of the directory.", "団体名簿にある中間支援組織ではありません。");
            }
        }
        String coordinator = null;
        if (intakeId != null) {
            Intake intake = Intake.findById(intakeId);
            if (intake == null) {
                throw ProblemException.invalidField("intakeId", "No such consultation.", "相談記録が見つかりません。");
            }
            coordinator = intake.assignedCoordinator;
        }
        if (coordinatorOrganizationId == null && coordinator == null && proposal.preSubmission == null) {
            throw ProblemException.invalidField("coordinatorOrganizationId",
                    "Name the support centre, or the consultation whose coordinator is assigned.",
                    "中間支援組織か、担当コーディネーターのいる相談記録を指定してください。");
        }
        proposal.preSubmission = new PreSubmission(proposal.departmentId(), coordinatorOrganizationId, coordinator,
                intakeId, Instant.now(), access.subject());
        proposal.flush();
        int draft = DraftSnapshot.take(proposal, access.subject());
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "draft-shared").actingFor(actingFor)
                .details(Map.of("draft", draft)));
        events.draftShared(proposal);
        return proposal;
    }

    /** The thread, oldest first; the proposers do not see the city side's own notes. */
    public List<DraftComment> thread(UUID id, Cursor after, int fetchSize) {
        Proposal proposal = Proposal.require(id);
        boolean proposer = access.isProposerMember(proposal);
        CommentSide citySide = access.sharedSide(proposal);
        if (!proposer && citySide == null) {
            access.subject();
            throw ProblemException.forbidden("The pre-submission thread is between the proposers and those they shared "
                    + "the draft with.", "事前相談は提案者と共有先の間で行われます。");
        }
        String visible = citySide != null ? "" : " and cityOnly = false";
        if (after == null) {
            return DraftComment.find("proposalId = ?1" + visible + " order by postedAt, id", id).page(0, fetchSize)
                    .list();
        }
        return DraftComment.find("proposalId = ?1" + visible + " and (postedAt > ?2 or (postedAt = ?2 and id > ?3)) "
                + "order by postedAt, id", id, Instant.parse(after.value(0)), UUID.fromString(after.value(1)))
                .page(0, fetchSize).list();
    }

    @Transactional
    public DraftComment comment(UUID id, UUID actingFor, String body, boolean cityOnly) {
        Proposal proposal = Proposal.require(id);
        CommentSide side;
        if (proposal.isProposer(actingFor)) {
            access.requireActingFor(actingFor);
            side = CommentSide.PROPOSER;
            if (cityOnly) {
                throw ProblemException.invalidField("cityOnly", "Only the city side keeps notes to itself.",
                        "市側のメモは提案者には記入できません。");
            }
        } else {
            side = access.sharedSide(proposal);
            if (side == null) {
                access.subject();
                throw ProblemException.forbidden("The draft was not shared with you.", "この提案は共有されていません。");
            }
            if (side == CommentSide.DEPARTMENT) {
                access.requireDepartmentStaff(actingFor);
                if (!actingFor.equals(proposal.preSubmission.departmentId())) {
                    throw ProblemException.forbidden("Speak for the department the draft is addressed to.",
                            "提案先の所管課として記入してください。");
                }
            } else {
                access.requireMemberOf(actingFor);
            }
        }
        if (proposal.status != ProposalStatus.DRAFT) {
            throw ProblemException.conflict("The proposal is submitted: the consultation continues in its thread.",
                    "提案は提出済みです。協議のスレッドで続けてください。");
        }
        DraftComment comment = new DraftComment();
        comment.id = UUID.randomUUID();
        comment.proposalId = id;
        comment.draft = DraftSnapshot.latest(id);
        comment.author = access.subject();
        comment.actingFor = actingFor;
        comment.side = side;
        comment.cityOnly = cityOnly;
        comment.body = body;
        comment.postedAt = Instant.now();
        comment.persist();
        return comment;
    }

    /** The drafts as shared and saved, for those who may read the thread. */
    public List<DraftSnapshot> drafts(UUID id) {
        Proposal proposal = Proposal.require(id);
        if (!access.isProposerMember(proposal) && access.sharedSide(proposal) == null) {
            access.subject();
            throw ProblemException.forbidden("The shared drafts are for the proposers and those they shared them with.",
                    "共有された下書きは提案者と共有先のみが閲覧できます。");
        }
        return DraftSnapshot.of(id);
    }
}
