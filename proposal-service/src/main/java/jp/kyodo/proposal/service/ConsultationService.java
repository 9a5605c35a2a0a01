package jp.kyodo.proposal.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.ConsultationComment;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.events.ProposalEvents;

/** The consultation thread (協議) between the proposers, the department and coordinators. */
@ApplicationScoped
public class ConsultationService {

    @Inject
    ProposalAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    ProposalEvents events;

    @Transactional
    public ConsultationComment comment(UUID id, UUID actingFor, String body) {
        Proposal proposal = Proposal.requireForUpdate(id);
        CommentSide side = sideOf(proposal, actingFor);
        if (proposal.status != ProposalStatus.SUBMITTED && proposal.status != ProposalStatus.IN_CONSULTATION) {
            throw ProblemException.conflict("The consultation of this proposal is not open (" + proposal.status + ").",
                    "この提案の協議は行われていません（" + proposal.status + "）。");
        }
        ConsultationComment comment = new ConsultationComment();
        comment.id = UUID.randomUUID();
        comment.proposalId = id;
        comment.author = access.subject();
        comment.actingFor = actingFor;
        comment.side = side;
        comment.body = body;
        comment.postedAt = Instant.now();
        comment.persist();
        proposal.countChange();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "comment-posted").actingFor(actingFor)
                .details(Map.of("commentId", comment.id.toString(), "side", side.name())));
        events.commentPosted(proposal, comment);
        return comment;
    }

    public List<ConsultationComment> thread(UUID id, Cursor after, int fetchSize) {
        Proposal proposal = Proposal.require(id);
        if (!access.isProposerMember(proposal) && !access.isCityOrCoordinator()) {
            access.subject();
            throw ProblemException.forbidden("The consultation is between the proposers, the city and coordinators.",
                    "協議は提案者・市・コーディネーターの間で行われます。");
        }
        if (after == null) {
            return ConsultationComment.find("proposalId = ?1 order by postedAt, id", id).page(0, fetchSize).list();
        }
        return ConsultationComment.find("proposalId = ?1 and (postedAt > ?2 or (postedAt = ?2 and id > ?3)) "
                + "order by postedAt, id", id, Instant.parse(after.value(0)), UUID.fromString(after.value(1)))
                .page(0, fetchSize).list();
    }

    /** Which side the caller speaks for, by the organisation they act for and their membership of it. */
    private CommentSide sideOf(Proposal proposal, UUID actingFor) {
        access.subject();
        if (proposal.isProposer(actingFor)) {
            access.requireActingFor(actingFor);
            return CommentSide.PROPOSER;
        }
        if (actingFor.equals(proposal.departmentId())) {
            access.requireDepartmentStaff(actingFor);
            return CommentSide.DEPARTMENT;
        }
        if (access.hasRole(Roles.COORDINATOR)) {
            access.requireMemberOf(actingFor);
            return CommentSide.COORDINATOR;
        }
        throw ProblemException.forbidden("Only the proposers, the department and coordinators take part.",
                "協議に参加できるのは提案者・所管課・コーディネーターです。");
    }
}
