package jp.kyodo.evaluation.service;

import java.util.HashSet;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import jp.kyodo.directory.readmodel.ActingForOrganization;
import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.evaluation.domain.EvaluationPlan;
import jp.kyodo.evaluation.domain.PlanParty;
import jp.kyodo.evaluation.domain.Viewer;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;

/**
 * Authorisation by relation: a party acts through its members (as the directory lists them), departments through
 * their staff; the roles that run the collaboration system read what the parties may read once the seal is off.
 */
@RequestScoped
public class EvaluationAccess {

    /** Roles that work inside the collaboration system and may read unpublished evaluations after the seal. */
    static final String[] INTERNAL_ROLES = { Roles.CITY_STAFF, Roles.COORDINATOR, Roles.REVIEWER, Roles.ANALYST,
            Roles.ADMIN };

    @Inject
    Caller caller;

    @Inject
    DirectoryReadModel directory;

    @Inject
    ActingForOrganization actingFor;

    private Viewer viewer;

    /** The caller as the sealing rule sees them; anonymous callers are allowed here. */
    public Viewer viewer() {
        if (viewer == null) {
            viewer = caller.isAnonymous() ? Viewer.ANONYMOUS
                    : new Viewer(caller.subject(), new HashSet<>(directory.organizationsOf(caller.subject())),
                            caller.hasAnyRole(INTERNAL_ROLES));
        }
        return viewer;
    }

    /** Staff and analysts get the statistics of closed rounds too, unsuppressed. */
    public boolean readsInternalStatistics() {
        return !caller.isAnonymous() && caller.hasAnyRole(Roles.CITY_STAFF, Roles.ANALYST, Roles.COORDINATOR, Roles.ADMIN);
    }

    /** 401 when anonymous; 403 unless a member of a party or one of the internal roles. */
    public void requireReader(EvaluationPlan plan) {
        Viewer v = authenticated();
        if (!v.internal() && !v.isMemberOfAny(plan.partyIds())) {
            throw ProblemException.forbidden("Only the parties and city staff read this evaluation before it is published.",
                    "公表前の評価は当事者と市の職員のみ閲覧できます。");
        }
    }

    /**
     * The caller acts for {@code organizationId}, a party of the plan, as one of its members in a role that fits it
     * (the rule every service shares: {@link ActingForOrganization}).
     */
    public PlanParty requirePartyMember(EvaluationPlan plan, UUID organizationId) {
        actingFor.require(organizationId);
        return plan.party(organizationId).orElseThrow(() -> ProblemException.forbidden(
                "The organisation you act for is not a party of this agreement.",
                "指定した団体はこの協働の当事者ではありません。"));
    }

    /** City staff acting for a department that is a party of the plan (they run the rounds and publish them). */
    public PlanParty requireDepartmentStaff(EvaluationPlan plan, UUID departmentId) {
        caller.requireAnyRole(Roles.CITY_STAFF);
        PlanParty party = requirePartyMember(plan, departmentId);
        if (!party.isCityDepartment()) {
            throw ProblemException.forbidden("Only the city department of the agreement does this.",
                    "この操作は協働の当事者である市の所管課のみが行えます。");
        }
        return party;
    }

    /** 401 for anonymous callers. */
    public void requireSignedIn() {
        caller.subject();
    }

    public void requireRole(String... roles) {
        caller.requireAnyRole(roles);
    }

    public void requireAuditReader() {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.ADMIN);
    }

    private Viewer authenticated() {
        caller.subject();
        return viewer();
    }
}
