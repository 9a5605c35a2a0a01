package jp.kyodo.proposal.service;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.readmodel.ActingForOrganization;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.directory.readmodel.KnownOrganization;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.proposal.domain.CommentSide;
import jp.kyodo.proposal.domain.PreSubmission;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.Readership;

/**
 * Authorisation by relation: roles say what kind of person calls, the directory read model says for which
 * organisations they may act.
 */
@RequestScoped
public class ProposalAccess {

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    ActingForOrganization actingFor;

    public String subject() {
        return caller.subject();
    }

    public boolean isMemberOf(UUID organizationId) {
        return !caller.isAnonymous() && directory.isMember(caller.subject(), organizationId);
    }

    /** 403 unless the caller may act for the organisation: a member, in a role that fits its kind. */
    public void requireActingFor(UUID organizationId) {
        actingFor.require(organizationId);
    }

    /** 403 unless the caller is a member of the organisation (in any role), e.g. a coordinator's own centre. */
    public void requireMemberOf(UUID organizationId) {
        caller.subject();
        if (!directory.isMember(caller.subject(), organizationId)) {
            throw ProblemException.forbidden("You are not a member of organisation " + organizationId + ".",
                    "団体 " + organizationId + " の構成員ではありません。");
        }
    }

    /** A city-staff member acting for a department the directory lists them in. */
    public void requireDepartmentStaff(UUID departmentId) {
        caller.requireAnyRole(Roles.CITY_STAFF);
        KnownOrganization department = directory.organization(departmentId).orElse(null);
        if (department == null || department.type != ActorType.CITY_DEPARTMENT) {
            throw ProblemException.forbidden("Organisation " + departmentId + " is not a city department.",
                    "団体 " + departmentId + " は市の所管課ではありません。");
        }
        requireActingFor(departmentId);
    }

    /** A member of one of the proposing organisations, acting for it in a partner or citizen role. */
    public void requireProposer(Proposal proposal, UUID actingFor) {
        caller.subject();
        if (!proposal.isProposer(actingFor)) {
            throw ProblemException.forbidden("Organisation " + actingFor + " is not a proposer of this proposal.",
                    "団体 " + actingFor + " はこの提案の提案団体ではありません。");
        }
        requireActingFor(actingFor);
    }

    /** Whether the caller belongs to one of the proposing organisations. */
    public boolean isProposerMember(Proposal proposal) {
        if (caller.isAnonymous()) {
            return false;
        }
        return proposal.content.proposingOrganizationIds().stream().anyMatch(this::isMemberOf);
    }

    /** City staff, coordinators and administrators follow every submitted proposal. */
    public boolean isCityOrCoordinator() {
        return !caller.isAnonymous() && caller.hasAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR, Roles.ADMIN);
    }

    public boolean hasRole(String role) {
        return !caller.isAnonymous() && caller.hasRole(role);
    }

    public boolean isAnonymous() {
        return caller.isAnonymous();
    }

    /** How far the caller reads the proposal: not at all, its published record, or in full (people included). */
    public Readership readership(Proposal proposal, boolean isCommitteeReviewer) {
        return Readership.of(proposal.status, isProposerMember(proposal), isCityOrCoordinator(), isCommitteeReviewer,
                sharedSide(proposal) != null);
    }

    /**
     * The city side the proposers shared their draft with that the caller belongs to: DEPARTMENT for a staff member
     * of the department it is addressed to, COORDINATOR for a coordinator it was shared with; null otherwise.
     */
    public CommentSide sharedSide(Proposal proposal) {
        PreSubmission shared = proposal.preSubmission;
        if (shared == null || caller.isAnonymous()) {
            return null;
        }
        String subject = caller.subject();
        if (caller.hasRole(Roles.CITY_STAFF) && directory.isMember(subject, shared.departmentId())) {
            return CommentSide.DEPARTMENT;
        }
        if (caller.hasRole(Roles.COORDINATOR) && (subject.equals(shared.coordinatorSubject())
                || shared.coordinatorOrganizationId() != null
                        && directory.isMember(subject, shared.coordinatorOrganizationId()))) {
            return CommentSide.COORDINATOR;
        }
        return null;
    }

    public void requireRead(Proposal proposal, boolean isCommitteeReviewer) {
        requireReadership(proposal, isCommitteeReviewer);
    }

    /** 401/403 unless the caller may read the proposal; how far they read it. */
    public Readership requireReadership(Proposal proposal, boolean isCommitteeReviewer) {
        Readership readership = readership(proposal, isCommitteeReviewer);
        if (!readership.mayRead()) {
            caller.subject();
            throw ProblemException.forbidden("You may not read this proposal.", "この提案を閲覧する権限がありません。");
        }
        return readership;
    }

    public void requireStaffOrAdmin() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }
}
